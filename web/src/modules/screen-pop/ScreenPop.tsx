import { CrownFilled } from '@ant-design/icons';
import { Alert, Card, Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { IvrJourney } from '../ivr/IvrJourney.tsx';
import { KnowledgeSearchPanel } from '../knowledge/KnowledgeSearchPanel.tsx';
import type { CtiEvent } from '../live/cti-event.ts';
import type { CallInfo } from '../softphone/call-model.ts';
import { useSoftphone } from '../softphone/use-softphone.ts';
import { PopCustomer } from './PopCustomer.tsx';
import './screen-pop.css';
import { useQueueName } from './use-queue-name.ts';

// Screen pop (UI-7): what the desktop knows about a call the moment it rings: the data the call
// carries, and the caller's customer record with recent contacts and open tickets (PopCustomer).

const EVENT_KEYS: Record<string, MessageKey> = {
  call_started: 'event.call_started',
  call_queued: 'event.call_queued',
  call_offered: 'event.call_offered',
  offer_failed: 'event.offer_failed',
  call_answered: 'event.call_answered',
  party_answered: 'event.party_answered',
  call_held: 'event.call_held',
  call_retrieved: 'event.call_retrieved',
  muted: 'event.muted',
  consult_started: 'event.consult_started',
  consult_answered: 'event.consult_answered',
  consult_ended: 'event.consult_ended',
  transferred: 'event.transferred',
  conference_started: 'event.conference_started',
  party_left: 'event.party_left',
  recording_started: 'event.recording_started',
  recording_paused: 'event.recording_paused',
  recording_resumed: 'event.recording_resumed',
  recording_finished: 'event.recording_finished',
  call_ended: 'event.call_ended',
};

export function screenPopTitleNumber(call: CallInfo | undefined, callId: string): string {
  return call?.callerNumber ?? callId;
}

function eventDetail(event: CtiEvent, locale: 'zh-CN' | 'en-US'): string {
  switch (event.type) {
    case 'call_offered':
      return event.explanation[locale];
    case 'party_answered':
    case 'party_left':
      return event.number;
    case 'muted':
      return event.muted ? '🔇' : '🔈';
    case 'call_ended':
      return event.cause;
    case 'transferred':
    case 'consult_started':
      return event.target.kind === 'agent'
        ? `#${event.target.agentId}`
        : event.target.kind === 'queue'
          ? event.target.queueId
          : event.target.kind === 'number'
            ? event.target.number
            : `IVR #${event.target.flowId}`;
    default:
      return '';
  }
}

export function ScreenPop({ callId }: { callId: string }) {
  const { t, locale } = useI18n();
  const { calls, currentCall } = useSoftphone();
  const call = calls[callId] ?? (currentCall?.callId === callId ? currentCall : undefined);
  const queueName = useQueueName(call?.queueId ?? null);
  if (!call) return <Empty description={t('screenPop.noCall')} />;

  const none = <Typography.Text type="secondary">{t('screenPop.notProvided')}</Typography.Text>;
  const status = call.endedAt
    ? 'screenPop.ended'
    : call.answeredAt
      ? 'screenPop.connected'
      : 'screenPop.ringing';
  // The customer is the far end: the caller of an inbound call, the number dialled on an outbound one.
  // An internal call (agent to agent) has no customer.
  const customerNumber =
    call.direction === 'internal'
      ? null
      : call.direction === 'outbound'
        ? call.calledNumber
        : call.callerNumber;
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const transferredBy = call.via === 'direct' && call.explanation ? call.explanation[locale] : null;

  return (
    <div className="sb-pop" data-testid="screen-pop" data-call-id={call.callId}>
      <div className="sb-pop__main">
        <Card
          size="small"
          title={
            <span className="sb-pop__title">
              {t('screenPop.title')}
              <Tag
                color={call.endedAt ? 'default' : call.answeredAt ? 'green' : 'orange'}
                data-testid="pop-status"
              >
                {t(status)}
              </Tag>
              {call.vip && (
                <Tag color="gold" icon={<CrownFilled />} data-testid="pop-vip">
                  VIP
                </Tag>
              )}
            </span>
          }
        >
          <Descriptions
            size="small"
            column={2}
            items={[
              {
                key: 'caller',
                label: t('screenPop.caller'),
                children: call.callerNumber ? (
                  <strong data-testid="pop-caller">{call.callerNumber}</strong>
                ) : (
                  none
                ),
              },
              { key: 'called', label: t('screenPop.called'), children: call.calledNumber ?? none },
              { key: 'access', label: t('screenPop.accessCode'), children: call.accessCode ?? none },
              { key: 'queue', label: t('screenPop.queue'), children: queueName ?? none },
              {
                key: 'vip',
                label: t('screenPop.vip'),
                children: call.vip === null ? none : t(call.vip ? 'screenPop.yes' : 'screenPop.no'),
              },
              {
                key: 'direction',
                label: t('screenPop.direction'),
                children: call.direction ? t(`direction.${call.direction}` as MessageKey) : none,
              },
              {
                key: 'via',
                label: t('screenPop.via'),
                children: call.via ? t(`via.${call.via}` as MessageKey) : none,
              },
              { key: 'transferred', label: t('screenPop.transferredBy'), children: transferredBy ?? none },
              {
                key: 'routing',
                label: t('screenPop.routing'),
                span: 2,
                children: call.explanation ? (
                  <span data-testid="pop-routing">{call.explanation[locale]}</span>
                ) : (
                  none
                ),
              },
              ...(call.customerData && Object.keys(call.customerData).length > 0
                ? [
                    {
                      key: 'data',
                      label: t('screenPop.customerData'),
                      span: 2,
                      children: <code className="sb-pop__data">{JSON.stringify(call.customerData)}</code>,
                    },
                  ]
                : []),
            ]}
          />
          {!call.callerNumber && (
            <Alert type="warning" showIcon className="sb-pop__gap" title={t('screenPop.callerMissing')} />
          )}
        </Card>
        {/* How the caller got here (IVR-3): right under the call's data. Renders nothing until built. */}
        <IvrJourney callId={call.callId} />
        {customerNumber && (
          <div className="sb-pop__note">
            <PopCustomer phone={customerNumber} callId={call.callId} />
          </div>
        )}
      </div>
      <div className="sb-pop__side">
        {/* Answers for the caller's question (KB-1), seeded with the skill group's name. */}
        <KnowledgeSearchPanel hint={queueName ?? undefined} />
        <Card
          size="small"
          title={t('screenPop.timeline')}
          className="sb-pop__timeline"
          data-testid="pop-timeline"
        >
          <Timeline
            items={call.timeline.map((entry) => ({
              key: entry.key,
              content: (
                <span>
                  <span className="sb-pop__time">{time.format(new Date(entry.at))}</span>{' '}
                  {EVENT_KEYS[entry.type] ? t(EVENT_KEYS[entry.type] as MessageKey) : entry.type}
                  <span className="sb-pop__detail"> {eventDetail(entry.event, locale)}</span>
                </span>
              ),
            }))}
          />
        </Card>
      </div>
    </div>
  );
}
