import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Input, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ApiFieldError } from '../../api/api-error.ts';
import { type DraftException, newException, newRange } from './calendar-draft.ts';
import { DayRanges } from './DayRanges.tsx';
import { RowErrors } from './RowErrors.tsx';
import { useServiceHoursMessages } from './service-hours-messages.ts';

/** Dates off the weekly pattern: holidays (closed) and days with special hours (调休, short days). */
export function ExceptionsEditor({
  exceptions,
  onChange,
  fields,
  errors,
}: {
  exceptions: DraftException[];
  onChange: (exceptions: DraftException[]) => void;
  fields: readonly ApiFieldError[];
  errors: Map<string, string[]>;
}) {
  const t = useServiceHoursMessages();
  const update = (index: number, patch: Partial<DraftException>) =>
    onChange(exceptions.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  const hasError = (path: string) => fields.some((f) => f.path === path);
  return (
    <div data-testid="sh-exceptions">
      <Typography.Paragraph type="secondary">{t('sh.exceptionsHint')}</Typography.Paragraph>
      {exceptions.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sh.noExceptions')} />
      )}
      {exceptions.map((e, i) => {
        const rowErrors = errors.get(`exceptions.${i}`);
        return (
          <div
            key={e.key}
            className={`sb-sh__row${rowErrors ? ' sb-sh__row--error' : ''}`}
            data-testid={`sh-exception-${i}`}
          >
            <DatePicker
              allowClear={false}
              value={dayjs(e.date)}
              status={hasError(`exceptions.${i}.date`) ? 'error' : undefined}
              data-testid={`sh-exception-${i}-date`}
              onChange={(d) => d && update(i, { date: d.format('YYYY-MM-DD') })}
            />
            <Input
              style={{ width: 220 }}
              value={e.name}
              maxLength={40}
              placeholder={t('sh.exception.name')}
              status={hasError(`exceptions.${i}.name`) ? 'error' : undefined}
              data-testid={`sh-exception-${i}-name`}
              onChange={(ev) => update(i, { name: ev.target.value })}
            />
            <Radio.Group
              optionType="button"
              value={e.kind}
              data-testid={`sh-exception-${i}-kind`}
              options={[
                { value: 'closed', label: t('sh.exception.closed') },
                { value: 'special', label: t('sh.exception.special') },
              ]}
              onChange={(ev) =>
                update(i, {
                  kind: ev.target.value,
                  hours:
                    ev.target.value === 'special' && e.hours.length === 0
                      ? [newRange('09:00', '18:00')]
                      : e.hours,
                })
              }
            />
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              data-testid={`sh-exception-${i}-remove`}
              onClick={() => onChange(exceptions.filter((_, k) => k !== i))}
            >
              {t('sh.exception.remove')}
            </Button>
            <div className="sb-sh__ranges">
              {e.kind === 'special' && (
                <DayRanges
                  ranges={e.hours}
                  onChange={(hours) => update(i, { hours })}
                  path={`exceptions.${i}.hours`}
                  fields={fields}
                  testId={`sh-exception-${i}`}
                />
              )}
              <RowErrors messages={rowErrors} testId={`sh-exception-${i}-error`} />
            </div>
          </div>
        );
      })}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        data-testid="sh-exception-add"
        onClick={() => {
          // The day after the last entry, so that a run of holidays is quick to enter.
          const last = exceptions.at(-1);
          const date = last ? dayjs(last.date).add(1, 'day') : dayjs();
          onChange([...exceptions, newException(date.format('YYYY-MM-DD'))]);
        }}
      >
        {t('sh.addException')}
      </Button>
    </div>
  );
}
