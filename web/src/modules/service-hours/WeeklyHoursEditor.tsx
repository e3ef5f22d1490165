import { WEEKDAYS } from '@switchboard/shared';
import { Button, Checkbox, Typography } from 'antd';
import type { ApiFieldError } from '../../api/api-error.ts';
import { type DraftRange, newRange } from './calendar-draft.ts';
import { DayRanges } from './DayRanges.tsx';
import { RowErrors } from './RowErrors.tsx';
import { useServiceHoursMessages } from './service-hours-messages.ts';

/** Monday to Sunday, each with its ranges, "closed all day" and "all 24 hours". */
export function WeeklyHoursEditor({
  weekly,
  onChange,
  fields,
  errors,
}: {
  weekly: DraftRange[][];
  onChange: (weekly: DraftRange[][]) => void;
  fields: readonly ApiFieldError[];
  errors: Map<string, string[]>;
}) {
  const t = useServiceHoursMessages();
  const setDay = (index: number, ranges: DraftRange[]) =>
    onChange(weekly.map((d, i) => (i === index ? ranges : d)));
  return (
    <div className="sb-sh__weekly">
      {WEEKDAYS.map((weekday, i) => {
        const ranges = weekly[i] ?? [];
        const rowErrors = errors.get(`weekly.${i}`);
        return (
          <div
            key={weekday}
            className={`sb-sh__row${rowErrors ? ' sb-sh__row--error' : ''}`}
            data-testid={`sh-day-${weekday}`}
          >
            <Typography.Text strong className="sb-sh__day">
              {t(`sh.weekday.${weekday}`)}
            </Typography.Text>
            <Checkbox
              checked={ranges.length === 0}
              data-testid={`sh-day-${weekday}-closed`}
              onChange={(e) => setDay(i, e.target.checked ? [] : [newRange('09:00', '18:00')])}
            >
              {t('sh.closedAllDay')}
            </Checkbox>
            <div className="sb-sh__ranges">
              <DayRanges
                ranges={ranges}
                onChange={(next) => setDay(i, next)}
                path={`weekly.${i}`}
                fields={fields}
                testId={`sh-day-${weekday}`}
              />
              <Button
                type="link"
                size="small"
                data-testid={`sh-day-${weekday}-allday`}
                onClick={() => setDay(i, [newRange('00:00', '24:00')])}
              >
                {t('sh.allDay')}
              </Button>
              <RowErrors messages={rowErrors} testId={`sh-day-${weekday}-error`} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
