import { Alert, Checkbox, Form, Input, Modal, Radio, Select, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { MessageKey, MessageParams } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { TransferTarget } from '../live/cti-event.ts';
import { ColleagueField, type ColleagueRef, resolveColleague } from './colleague-field.tsx';
import {
  fetchIvrTransferTargets,
  fetchQueues,
  type IvrFlowOption,
  type QueueOption,
} from './softphone-api.ts';
import { useSoftphone } from './use-softphone.ts';

type Kind = 'agent' | 'queue' | 'number' | 'ivr';
const PHONE = /^\+?\d{3,20}$/;

/**
 * Transfer (转接) or consult / help (咨询 / 内部求助): pick an agent, a queue, an outside number or
 * (transfer only) an IVR flow.
 */
export function TargetDialog({
  mode,
  onClose,
}: {
  mode: 'transfer' | 'consult' | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { run, pending } = useSoftphone();
  const [kind, setKind] = useState<Kind>('agent');
  const [colleague, setColleague] = useState<ColleagueRef>({ agentId: null });
  const [queueId, setQueueId] = useState<string | undefined>();
  const [number, setNumber] = useState('');
  const [purpose, setPurpose] = useState<'consult' | 'help'>('consult');
  const [threeParty, setThreeParty] = useState(false);
  const [queues, setQueues] = useState<QueueOption[]>([]);
  const [flowId, setFlowId] = useState<number | undefined>();
  const [flows, setFlows] = useState<IvrFlowOption[]>([]);
  const [error, setError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);

  useEffect(() => {
    if (mode === null) return;
    setError(null);
    fetchQueues().then(setQueues, () => setQueues([]));
    if (mode === 'transfer') fetchIvrTransferTargets().then(setFlows, () => setFlows([]));
  }, [mode]);

  useEffect(() => {
    if (mode === 'consult' && (kind === 'queue' || kind === 'ivr')) setKind('agent');
  }, [mode, kind]);

  const submit = async () => {
    setError(null);
    let target: TransferTarget;
    if (kind === 'agent') {
      const resolved = await resolveColleague(colleague);
      if ('error' in resolved) {
        setError({ key: resolved.error });
        return;
      }
      target = { kind: 'agent', agentId: resolved.agentId };
    } else if (kind === 'queue') {
      if (!queueId) return setError({ key: 'target.required' });
      target = { kind: 'queue', queueId };
    } else if (kind === 'ivr') {
      if (flowId === undefined) return setError({ key: 'target.required' });
      target = { kind: 'ivr', flowId };
    } else {
      if (!PHONE.test(number)) return setError({ key: 'dial.invalid' });
      target = { kind: 'number', number };
    }
    const ok =
      mode === 'consult'
        ? await run({
            path: 'consult',
            body: { target, purpose, threeParty: purpose === 'help' && threeParty },
          })
        : await run({ path: 'transfer', body: { target } });
    if (ok) onClose();
  };

  return (
    <Modal
      open={mode !== null}
      title={t(mode === 'consult' ? 'target.titleConsult' : 'target.titleTransfer')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('softphone.ok')}
      cancelText={t('softphone.cancel')}
      okButtonProps={{
        loading: pending === 'transfer' || pending === 'consult',
        'data-testid': 'target-submit',
      }}
      destroyOnHidden
      data-testid="target-dialog"
    >
      <Form layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        {mode === 'consult' && (
          <Form.Item label={t('target.purpose')}>
            <Radio.Group value={purpose} onChange={(e) => setPurpose(e.target.value)}>
              <Radio value="consult">{t('target.purposeConsult')}</Radio>
              <Radio value="help">{t('target.purposeHelp')}</Radio>
            </Radio.Group>
            {purpose === 'help' && (
              <Checkbox checked={threeParty} onChange={(e) => setThreeParty(e.target.checked)}>
                {t('target.threeParty')}
              </Checkbox>
            )}
          </Form.Item>
        )}
        <Form.Item>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button">
            <Radio value="agent" data-testid="target-kind-agent">
              {t('target.agent')}
            </Radio>
            <Tooltip title={mode === 'consult' ? t('target.queueNoConsult') : undefined}>
              <Radio value="queue" disabled={mode === 'consult'} data-testid="target-kind-queue">
                {t('target.queue')}
              </Radio>
            </Tooltip>
            <Radio value="number" data-testid="target-kind-number">
              {t('target.number')}
            </Radio>
            <Tooltip title={mode === 'consult' ? t('target.queueNoConsult') : undefined}>
              <Radio value="ivr" disabled={mode === 'consult'} data-testid="target-kind-ivr">
                {t('target.ivr')}
              </Radio>
            </Tooltip>
          </Radio.Group>
        </Form.Item>
        {kind === 'agent' && (
          <Form.Item extra={t('target.agentGap')}>
            <ColleagueField value={colleague} onChange={setColleague} testId="target-agent" />
          </Form.Item>
        )}
        {kind === 'queue' && (
          <Form.Item>
            <Select
              value={queueId}
              onChange={setQueueId}
              placeholder={t('target.queuePlaceholder')}
              options={queues.map((q) => ({
                value: q.queueId,
                label: q.accessCodes.length ? `${q.name}（${q.accessCodes.join('、')}）` : q.name,
              }))}
              data-testid="target-queue"
            />
          </Form.Item>
        )}
        {kind === 'ivr' && (
          <Form.Item extra={t('target.ivrHint')}>
            <Select
              value={flowId}
              onChange={setFlowId}
              placeholder={t('target.ivrPlaceholder')}
              options={flows.map((f) => ({ value: f.id, label: f.name }))}
              notFoundContent={t('target.ivrNone')}
              data-testid="target-ivr-flow"
            />
          </Form.Item>
        )}
        {kind === 'number' && (
          <Form.Item>
            <Input
              value={number}
              onChange={(e) => setNumber(e.target.value.trim())}
              placeholder={t('dial.placeholder')}
              inputMode="tel"
              maxLength={21}
              data-testid="target-number"
            />
          </Form.Item>
        )}
        {error && (
          <Alert type="error" showIcon title={t(error.key, error.params)} data-testid="target-error" />
        )}
      </Form>
    </Modal>
  );
}
