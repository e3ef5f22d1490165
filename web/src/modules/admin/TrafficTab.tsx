import {
  Alert,
  App,
  Button,
  Card,
  Form,
  InputNumber,
  type InputNumberProps,
  Space,
  Statistic,
  Switch,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import { fetchTraffic, saveTraffic, type TrafficState } from './admin-api.ts';
import { useAdminMessages } from './admin-messages.ts';
import { showServerErrors } from './server-errors.ts';

type Values = {
  running: boolean;
  rates: Record<string, number>;
  vipSharePercent: number;
  callbackPercent?: number;
  voicemailPercent?: number;
};

const percent = (share: number | undefined) => Math.round((share ?? 0) * 100);

/** A whole percentage, 0–100; Form.Item passes value and onChange through. */
const PercentInput = ({
  before,
  testId,
  ...field
}: InputNumberProps<number> & { before: string; testId: string }) => (
  <InputNumber
    {...field}
    min={0}
    max={100}
    precision={0}
    addonBefore={before}
    addonAfter="%"
    data-testid={testId}
  />
);

/**
 * 话务模拟: switch simulated callers on/off, set calls per hour per access code, the VIP share and
 * what impatient callers do when all agents are busy (press 1 for a callback, 2 for voicemail).
 */
export function TrafficTab() {
  const t = useAdminMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [state, setState] = useState<TrafficState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [saving, setSaving] = useState(false);

  const show = useCallback(
    (s: TrafficState) => {
      setState(s);
      form.setFieldsValue({
        running: s.running,
        rates: Object.fromEntries(s.profile.accessCodes.map((c) => [c.code, c.callsPerHour])),
        vipSharePercent: percent(s.profile.vipShare),
        callbackPercent: percent(s.profile.allBusy?.callbackShare),
        voicemailPercent: percent(s.profile.allBusy?.voicemailShare),
      });
    },
    [form],
  );

  const load = useCallback(() => {
    fetchTraffic()
      .then((s) => {
        show(s);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (isApiRequestError(caught) && caught.status === 404) setUnavailable(true);
        else setError(caught instanceof Error ? caught.message : String(caught));
      });
  }, [show]);

  useEffect(load, [load]);

  const save = async (v: Values) => {
    if (!state) return;
    setSaving(true);
    try {
      const { allBusy } = state.profile;
      const profile = {
        ...state.profile,
        // Only the rate changes: each code's IVR scripts stay as they are.
        accessCodes: state.profile.accessCodes.map((c) => ({ ...c, callsPerHour: v.rates[c.code] ?? 0 })),
        vipShare: v.vipSharePercent / 100,
        ...(allBusy && {
          allBusy: {
            ...allBusy,
            callbackShare: (v.callbackPercent ?? 0) / 100,
            voicemailShare: (v.voicemailPercent ?? 0) / 100,
          },
        }),
      };
      show(await saveTraffic(v.running, profile));
      message.success(t('common.saved'));
      setError(null);
    } catch (caught) {
      setError(showServerErrors(form, caught, []));
    } finally {
      setSaving(false);
    }
  };

  if (unavailable) return <Alert type="info" showIcon title={t('traffic.unavailable')} />;
  return (
    <div data-testid="admin-traffic">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space align="start" wrap size="large">
        <Card title={t('traffic.running')} style={{ minWidth: 320 }}>
          <Form<Values> form={form} layout="vertical" onFinish={save} disabled={!state || saving}>
            <Form.Item name="running" valuePropName="checked">
              <Switch checkedChildren={t('traffic.on')} unCheckedChildren={t('traffic.off')} />
            </Form.Item>
            <Form.Item label={t('traffic.rates')}>
              {state?.profile.accessCodes.map((c) => (
                <Form.Item
                  key={c.code}
                  name={['rates', c.code]}
                  label={`${t('traffic.accessCode')} ${c.code}`}
                >
                  <InputNumber min={0} max={100_000} addonAfter={t('traffic.callsPerHour')} />
                </Form.Item>
              ))}
            </Form.Item>
            <Form.Item name="vipSharePercent" label={t('traffic.vipShare')}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
            {state?.profile.allBusy && (
              <Form.Item label={t('traffic.impatient')} extra={t('traffic.impatientHelp')}>
                <Space>
                  <Form.Item name="callbackPercent" noStyle>
                    <PercentInput before={t('traffic.press1')} testId="traffic-callback-percent" />
                  </Form.Item>
                  <Form.Item
                    name="voicemailPercent"
                    noStyle
                    dependencies={['callbackPercent']}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: (_, value?: number) =>
                          (getFieldValue('callbackPercent') ?? 0) + (value ?? 0) > 100
                            ? Promise.reject(new Error(t('traffic.impatientTooMany')))
                            : Promise.resolve(),
                      }),
                    ]}
                  >
                    <PercentInput before={t('traffic.press2')} testId="traffic-voicemail-percent" />
                  </Form.Item>
                </Space>
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={saving} data-testid="traffic-save">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
        <Card
          data-testid="traffic-stats"
          title={t('traffic.stats')}
          extra={<Button onClick={load}>{t('traffic.refresh')}</Button>}
        >
          <Space size="large" wrap>
            <Statistic title={t('traffic.placed')} value={state?.stats.placed ?? 0} />
            <Statistic title={t('traffic.answered')} value={state?.stats.answeredByAgent ?? 0} />
            <Statistic title={t('traffic.abandoned')} value={state?.stats.abandoned ?? 0} />
            <Statistic title={t('traffic.completed')} value={state?.stats.completed ?? 0} />
            <Statistic title={t('traffic.inProgress')} value={state?.stats.inProgress ?? 0} />
            <Statistic title={t('traffic.callbackRequests')} value={state?.stats.callbackRequests ?? 0} />
            <Statistic title={t('traffic.callbacksAnswered')} value={state?.stats.callbacksAnswered ?? 0} />
            <Statistic title={t('traffic.voicemailRequests')} value={state?.stats.voicemailRequests ?? 0} />
          </Space>
        </Card>
      </Space>
    </div>
  );
}
