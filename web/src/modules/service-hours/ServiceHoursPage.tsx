import type {
  OpenStatus,
  ServiceCalendar,
  ServiceHoursOverview,
  ServiceHoursStatus,
} from '@switchboard/shared';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { type ApiFieldError, isApiRequestError } from '../../api/api-error.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { type CalendarDraft, draftOf, inputOf, rowErrors } from './calendar-draft.ts';
import { ExceptionsEditor } from './ExceptionsEditor.tsx';
import { formatChangeTime } from './format-change-time.ts';
import { RowErrors } from './RowErrors.tsx';
import {
  deleteCalendar,
  fetchServiceHours,
  fetchServiceHoursStatus,
  saveCalendar,
} from './service-hours-api.ts';
import { useServiceHoursMessages } from './service-hours-messages.ts';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';
import './service-hours.css';

/** 'center' or a skill group id. */
type Selection = 'center' | number;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function timeZoneOptions(current: string) {
  const zones = Intl.supportedValuesOf?.('timeZone') ?? [];
  const first = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'UTC'];
  const all = [...new Set([current, ...first, ...zones])];
  return all.map((z) => ({ value: z, label: z }));
}

// Service hours: weekly hours, holidays and extra working days (after-hours routing).
export function ServiceHoursPage(): ReactNode {
  const t = useServiceHoursMessages();
  const { locale } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [overview, setOverview] = useState<ServiceHoursOverview | null>(null);
  const [status, setStatus] = useState<ServiceHoursStatus | null>(null);
  const [selected, setSelected] = useState<Selection>('center');
  const [draft, setDraft] = useState<CalendarDraft | null>(null);
  const [baseline, setBaseline] = useState('');
  const [fields, setFields] = useState<readonly ApiFieldError[]>([]);
  const [saving, setSaving] = useState(false);

  const group =
    typeof selected === 'number' ? overview?.groups.find((g) => g.skillGroupId === selected) : undefined;
  const own: ServiceCalendar | null =
    selected === 'center' ? (overview?.center ?? null) : (group?.calendar ?? null);
  // What decides for the selection now: its own calendar, else (for a group) the default.
  const effective = own ?? (selected === 'center' ? null : (overview?.center ?? null));

  const load = useCallback(async () => {
    const [o, s] = await Promise.all([fetchServiceHours(), fetchServiceHoursStatus()]);
    setOverview(o);
    setStatus(s);
    return o;
  }, []);

  const startEditing = useCallback((o: ServiceHoursOverview, sel: Selection) => {
    const mine =
      sel === 'center' ? o.center : (o.groups.find((g) => g.skillGroupId === sel)?.calendar ?? null);
    const from = mine ?? (sel === 'center' ? null : o.center);
    const next = draftOf(from);
    setDraft(next);
    setBaseline(JSON.stringify(inputOf(next)));
    setFields([]);
  }, []);

  useEffect(() => {
    load().then(
      (o) => startEditing(o, 'center'),
      (e) => message.error(errorText(e)),
    );
  }, [load, startEditing, message]);

  const dirty = draft !== null && JSON.stringify(inputOf(draft)) !== baseline;
  const select = (sel: Selection) => {
    if (sel === selected || !overview) return;
    const go = () => {
      setSelected(sel);
      startEditing(overview, sel);
    };
    if (dirty) modal.confirm({ title: t('sh.discard'), onOk: go });
    else go();
  };

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    try {
      await saveCalendar(selected === 'center' ? null : selected, inputOf(draft));
      startEditing(await load(), selected);
      message.success(t('sh.saved'));
    } catch (e) {
      if (isApiRequestError(e) && e.fields.length) {
        setFields(e.fields);
        message.error(t('sh.invalid', { count: e.fields.length }));
      } else message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const revert = async () => {
    if (typeof selected !== 'number') return;
    try {
      await deleteCalendar(selected);
      startEditing(await load(), selected);
      message.success(t('sh.reverted'));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const errors = useMemo(() => rowErrors(fields), [fields]);
  const nowStatus: OpenStatus | undefined =
    selected === 'center' ? status?.center : status?.items.find((i) => i.skillGroupId === selected);
  const zone = effective?.timeZone ?? draft?.timeZone ?? 'Asia/Shanghai';
  const when = (iso: string) => formatChangeTime(locale, iso, zone);
  const statusText = !nowStatus
    ? ''
    : nowStatus.open
      ? nowStatus.nextChange
        ? t('sh.status.openUntil', { time: when(nowStatus.nextChange) })
        : t('sh.status.openAlways')
      : nowStatus.nextChange
        ? t('sh.status.closedUntil', { time: when(nowStatus.nextChange) })
        : t('sh.status.closedLong');

  const tagOf = (calendar: ServiceCalendar | null) =>
    calendar ? (
      <Tag color="blue">{t('sh.tag.own')}</Tag>
    ) : overview?.center ? (
      <Tag>{t('sh.tag.default')}</Tag>
    ) : (
      <Tag color="green">{t('sh.tag.none')}</Tag>
    );
  const calendarButton = (sel: Selection, label: string, tag: ReactNode, testId: string) => (
    <button
      type="button"
      key={testId}
      className={`sb-sh__calendar${selected === sel ? ' sb-sh__calendar--active' : ''}`}
      aria-pressed={selected === sel}
      data-testid={testId}
      onClick={() => select(sel)}
    >
      <span>{label}</span>
      {tag}
    </button>
  );
  const title = selected === 'center' ? t('sh.center') : (group?.name ?? '');

  return (
    <section data-testid="service-hours-page">
      <Typography.Title level={4}>{t('sh.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sh.intro')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col xs={24} md={6}>
          <Card size="small" title={t('sh.calendars')}>
            {calendarButton(
              'center',
              t('sh.center'),
              overview?.center ? (
                <Tag color="blue">{t('sh.tag.own')}</Tag>
              ) : (
                <Tag color="green">{t('sh.tag.none')}</Tag>
              ),
              'sh-calendar-center',
            )}
            {overview?.groups.map((g) =>
              calendarButton(g.skillGroupId, g.name, tagOf(g.calendar), `sh-calendar-${g.code}`),
            )}
          </Card>
        </Col>
        <Col xs={24} md={18}>
          {draft && (
            <Card
              size="small"
              title={<span data-testid="sh-editing">{title}</span>}
              extra={
                <Space>
                  {typeof selected === 'number' && own && (
                    <Popconfirm title={t('sh.revertConfirm', { name: title })} onConfirm={revert}>
                      <Button data-testid="sh-revert">{t('sh.revert')}</Button>
                    </Popconfirm>
                  )}
                  <Button type="primary" loading={saving} onClick={save} data-testid="sh-save">
                    {t('sh.save')}
                  </Button>
                </Space>
              }
            >
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Typography.Text strong className="sb-sh__status" data-testid="sh-status">
                  {statusText}
                </Typography.Text>
                {own && (
                  <Typography.Text type="secondary" data-testid="sh-updated">
                    {t('sh.updated', {
                      time: new Date(own.updatedAt).toLocaleString(locale),
                      name: own.updatedByName ?? '',
                    })}
                  </Typography.Text>
                )}
                {!own && typeof selected === 'number' && overview?.center && (
                  <Alert
                    type="info"
                    showIcon
                    title={t('sh.usesDefault', { name: title })}
                    data-testid="sh-uses-default"
                  />
                )}
                {!effective && <Alert type="info" showIcon title={t('sh.noCalendar')} />}
                <Space wrap>
                  <span>{t('sh.timeZone')}</span>
                  <Select
                    showSearch
                    style={{ width: 260 }}
                    value={draft.timeZone}
                    options={timeZoneOptions(draft.timeZone)}
                    status={errors.has('timeZone') ? 'error' : undefined}
                    data-testid="sh-timezone"
                    onChange={(timeZone) => setDraft({ ...draft, timeZone })}
                  />
                  <RowErrors messages={errors.get('timeZone')} testId="sh-timezone-error" />
                </Space>
                <Card size="small" type="inner" title={t('sh.weekly')} extra={t('sh.midnightHint')}>
                  <WeeklyHoursEditor
                    weekly={draft.weekly}
                    onChange={(weekly) => setDraft({ ...draft, weekly })}
                    fields={fields}
                    errors={errors}
                  />
                </Card>
                <Card size="small" type="inner" title={t('sh.exceptions')}>
                  <ExceptionsEditor
                    exceptions={draft.exceptions}
                    onChange={(exceptions) => setDraft({ ...draft, exceptions })}
                    fields={fields}
                    errors={errors}
                  />
                </Card>
              </Space>
            </Card>
          )}
        </Col>
      </Row>
    </section>
  );
}
