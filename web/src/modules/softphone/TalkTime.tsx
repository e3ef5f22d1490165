import { FieldTimeOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useLive } from '../live/use-live.ts';
import { formatDuration } from './call-model.ts';
import { useSoftphone } from './use-softphone.ts';

/** The current call's talk time (UI-3), from its answer, ticking every second. */
export function TalkTime() {
  const { t } = useI18n();
  const { agent, currentCall } = useSoftphone();
  const { serverNow } = useLive();
  const onCall = agent?.state === 'talking' || agent?.state === 'hold';
  const startedAt = onCall ? (currentCall?.answeredAt ?? agent?.since ?? null) : null;
  const [now, setNow] = useState(() => serverNow());

  useEffect(() => {
    if (!startedAt) return;
    setNow(serverNow());
    const timer = setInterval(() => setNow(serverNow()), 1000);
    return () => clearInterval(timer);
  }, [startedAt, serverNow]);

  const text = startedAt ? formatDuration(now - Date.parse(startedAt)) : '--:--';
  return (
    <span
      className={startedAt ? 'sb-talk-time sb-talk-time--running' : 'sb-talk-time'}
      title={t('softphone.talkTime')}
    >
      <FieldTimeOutlined aria-hidden="true" />
      <span className="sb-talk-time__label">{t('softphone.talkTime')}</span>
      <span className="sb-talk-time__value" data-testid="talk-time">
        {text}
      </span>
    </span>
  );
}
