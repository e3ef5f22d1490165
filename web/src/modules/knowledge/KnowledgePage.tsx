import { KB_WRITER_ROLES } from '@switchboard/shared';
import { Tabs } from 'antd';
import { useSession } from '../auth/use-session.ts';
import { ErrorReportsTab } from './ErrorReportsTab.tsx';
import { KnowledgeManageTab } from './KnowledgeManageTab.tsx';
import { KnowledgeReader } from './KnowledgeReader.tsx';
import { useKnowledgeMessages } from './knowledge-messages.ts';
import './knowledge.css';

/** 服务支撑 → 知识库: everyone reads; admin and data maintenance also maintain (KB-1). */
export function KnowledgePage() {
  const t = useKnowledgeMessages();
  const { state } = useSession();
  const user = state.status === 'authenticated' ? state.user : null;
  const writer = user?.roles.some((r) => (KB_WRITER_ROLES as readonly string[]).includes(r)) ?? false;
  const read = { key: 'read', label: t('kb.tab.read'), children: <KnowledgeReader /> };
  return (
    <section data-testid="knowledge-page">
      {writer && user ? (
        <Tabs
          items={[
            read,
            { key: 'manage', label: t('kb.tab.manage'), children: <KnowledgeManageTab myId={user.id} /> },
            { key: 'reports', label: t('kb.tab.reports'), children: <ErrorReportsTab /> },
          ]}
        />
      ) : (
        <KnowledgeReader />
      )}
    </section>
  );
}
