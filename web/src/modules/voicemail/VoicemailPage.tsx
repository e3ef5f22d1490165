import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { CallbackList } from './CallbackList.tsx';
import { VoicemailBox } from './VoicemailBox.tsx';
import { useVoicemailMessages } from './voicemail-messages.ts';

// The voicemail box and the callback list (VM-1, ACD-6).
export function VoicemailPage(): ReactNode {
  const t = useVoicemailMessages();
  return (
    <section data-testid="voicemail-page">
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'box',
            label: <span data-testid="voicemail-tab-box">{t('vm.tab.box')}</span>,
            children: <VoicemailBox />,
          },
          {
            key: 'callbacks',
            label: <span data-testid="voicemail-tab-callbacks">{t('vm.tab.callbacks')}</span>,
            children: <CallbackList />,
          },
        ]}
      />
    </section>
  );
}
