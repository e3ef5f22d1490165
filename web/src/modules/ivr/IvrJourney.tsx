import type { IvrJourney as Journey } from '@switchboard/shared';
import { Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { fetchJourney } from './ivr-api.ts';
import { IVR_MESSAGES } from './ivr-messages.ts';

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });

/** The path the caller took through the IVR (IVR-3), for the screen pop. */
export function IvrJourney({ callId }: { callId: string }) {
  const t = useLocalMessages(IVR_MESSAGES);
  const [journey, setJourney] = useState<Journey | null | undefined>(undefined);
  useEffect(() => {
    const abort = new AbortController();
    fetchJourney(callId, abort.signal).then(setJourney, () => {
      if (!abort.signal.aborted) setJourney(null);
    });
    return () => abort.abort();
  }, [callId]);
  if (journey === undefined) return null;
  if (journey === null) {
    return (
      <Typography.Text type="secondary" data-testid="ivr-journey-none">
        {t('noJourney')}
      </Typography.Text>
    );
  }
  return (
    <section data-testid="ivr-journey">
      <Typography.Text strong>{t('journey')}</Typography.Text>{' '}
      {journey.exitClass && <Tag data-testid="ivr-journey-exit">{t(`exit.${journey.exitClass}`)}</Tag>}
      <Timeline
        style={{ marginTop: 8 }}
        items={journey.path.map((step, i) => ({
          key: `${i}`,
          content: (
            <span data-testid="ivr-journey-step">
              {time(step.at)} {step.name}
            </span>
          ),
        }))}
      />
    </section>
  );
}
