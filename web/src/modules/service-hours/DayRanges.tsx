import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, TimePicker, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApiFieldError } from '../../api/api-error.ts';
import { type DraftRange, rangeHasError, suggestedRange } from './calendar-draft.ts';
import { useServiceHoursMessages } from './service-hours-messages.ts';

const FORMAT = 'HH:mm';

// A time picker cannot show 24:00: the end of the day is picked (and shown) as 00:00.
function toDayjs(time: string): Dayjs {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return dayjs()
    .hour(h % 24)
    .minute(m)
    .second(0)
    .millisecond(0);
}

/** The ranges of one day: a range picker each, remove buttons, and "add range". */
export function DayRanges({
  ranges,
  onChange,
  path,
  fields,
  testId,
}: {
  ranges: DraftRange[];
  onChange: (ranges: DraftRange[]) => void;
  /** Field path of this day's ranges in the saved body: `weekly.0` or `exceptions.1.hours`. */
  path: string;
  fields: readonly ApiFieldError[];
  testId: string;
}) {
  const t = useServiceHoursMessages();
  const replace = (index: number, next: DraftRange) =>
    onChange(ranges.map((r, i) => (i === index ? next : r)));
  return (
    <Space wrap size={[8, 4]}>
      {ranges.map((range, i) => (
        <Space.Compact key={range.key} data-testid={`${testId}-range-${i}`}>
          <TimePicker.RangePicker
            format={FORMAT}
            minuteStep={5}
            order={false}
            allowClear={false}
            style={{ width: 190 }}
            status={rangeHasError(fields, `${path}.${i}`) ? 'error' : undefined}
            value={[toDayjs(range.start), toDayjs(range.end)]}
            onChange={(values) => {
              const [start, end] = values ?? [];
              if (!start || !end) return;
              const endText = end.format(FORMAT);
              replace(i, {
                ...range,
                start: start.format(FORMAT),
                end: endText === '00:00' ? '24:00' : endText,
              });
            }}
          />
          <Tooltip title={t('sh.removeRange')}>
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('sh.removeRange')}
              data-testid={`${testId}-remove-${i}`}
              onClick={() => onChange(ranges.filter((_, k) => k !== i))}
            />
          </Tooltip>
        </Space.Compact>
      ))}
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        data-testid={`${testId}-add`}
        onClick={() => onChange([...ranges, suggestedRange(ranges)])}
      >
        {t('sh.addRange')}
      </Button>
    </Space>
  );
}
