import { Button, Flex, Result, Spin, Typography } from 'antd';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { SessionState } from './session-context.ts';
import { useSession } from './use-session.ts';

type PendingState = Extract<SessionState, { status: 'loading' | 'unavailable' }>;

/** Full-page placeholder while the session is being checked, or when the server cannot be reached. */
export function SessionPending({ state }: { state: PendingState }) {
  const { t } = useI18n();
  const { retry } = useSession();

  return (
    <div className="sb-full-page">
      {state.status === 'loading' ? (
        <Flex vertical align="center" gap={16} role="status">
          <Spin size="large" />
          <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>
        </Flex>
      ) : (
        <Result
          status="warning"
          title={t('app.unavailableTitle')}
          subTitle={state.message}
          extra={
            <Button type="primary" onClick={retry}>
              {t('app.retry')}
            </Button>
          }
        />
      )}
    </div>
  );
}
