import type { VoicemailDetail } from '@switchboard/shared';
import { Descriptions, Drawer, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { fetchVoicemail, voicemailAudioUrl } from './voicemail-api.ts';
import { time } from './voicemail-format.ts';
import { useVoicemailMessages, type VoicemailMessageKey } from './voicemail-messages.ts';

type Props = { id: number | null; onClose: () => void; disposition: (result: string | null) => string };

/** The player of one message, with what was done with it and the calls made back. */
export function VoicemailDrawer({ id, onClose, disposition }: Props) {
  const t = useVoicemailMessages();
  const [vm, setVm] = useState<VoicemailDetail | null>(null);
  useEffect(() => {
    setVm(null);
    if (id !== null) fetchVoicemail(id).then(setVm, () => setVm(null));
  }, [id]);
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('vm.player')} size="large" destroyOnHidden>
      {id !== null && (
        <div data-testid="voicemail-player-drawer">
          {/* biome-ignore lint/a11y/useMediaCaption: a caller's voice message has no captions */}
          <audio
            controls
            autoPlay
            src={voicemailAudioUrl(id)}
            style={{ width: '100%' }}
            data-testid="voicemail-player"
          />
          {vm && (
            <>
              <Descriptions column={1} size="small" bordered style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('vm.caller')}>
                  {[vm.callerNumber, vm.customer?.name].filter(Boolean).join(' · ')}
                </Descriptions.Item>
                <Descriptions.Item label={t('vm.reason')}>{t(`vm.reason.${vm.reason}`)}</Descriptions.Item>
                <Descriptions.Item label={t('vm.time')}>{time(vm.recordedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('vm.assignee')}>{vm.assignedTo?.name ?? '—'}</Descriptions.Item>
                {vm.result && <Descriptions.Item label={t('vm.result')}>{vm.result}</Descriptions.Item>}
              </Descriptions>
              {vm.callBacks.length > 0 && (
                <ul data-testid="voicemail-call-backs">
                  {vm.callBacks.map((c) => (
                    <li
                      key={c.callId}
                    >{`${time(c.dialledAt)} ${c.dialledBy.name} ${disposition(c.result)}`}</li>
                  ))}
                </ul>
              )}
              <h4>{t('vm.history')}</h4>
              <Timeline
                items={vm.events.map((e) => ({
                  key: e.id,
                  content: `${time(e.at)} ${e.actor?.name ?? ''} ${t(`vm.action.${e.action}` as VoicemailMessageKey)}${e.note ? `：${e.note}` : ''}`,
                }))}
              />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
