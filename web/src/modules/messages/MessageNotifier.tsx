import { App, Button } from 'antd';
import { useEffect } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useLive } from '../live/use-live.ts';
import { useMessageMessages } from './message-messages.ts';
import { fetchHelpRequest, fetchMessage, messagingNotice, takeHelpRequest } from './messages-api.ts';

const LEADS = ['team_lead', 'duty_lead'];

/** Shows arriving agent-to-agent messages and help requests as notifications (CTI-18). */
export function MessageNotifier() {
  const { notification, message } = App.useApp();
  const live = useLive();
  const me = useCurrentUser();
  const t = useMessageMessages();
  const isLead = me.roles.some((r) => LEADS.includes(r));

  useEffect(() => {
    const showMessage = async (id: number) => {
      const m = await fetchMessage(id);
      notification.info({
        key: `message-${id}`,
        title: t('msg.notify.title', { name: m.from.name, no: m.from.employeeNo }),
        description: <div data-testid="message-notification">{m.body}</div>,
        duration: 10,
      });
    };
    const showHelp = async (id: number, takenBy: unknown) => {
      const h = await fetchHelpRequest(id);
      if (takenBy !== undefined) {
        if (h.takenBy && h.from.id === me.id) {
          notification.success({
            key: `help-${id}`,
            title: t('msg.help.notifyTaken', { name: h.takenBy.name }),
            description: <div data-testid="help-taken-notification">{h.body}</div>,
          });
        }
        return;
      }
      if (!isLead || h.state !== 'open') return;
      const key = `help-${id}`;
      notification.warning({
        key,
        title: t('msg.help.notifyTitle', { name: h.from.name, no: h.from.employeeNo }),
        description: <div data-testid="help-notification">{h.body}</div>,
        duration: 0,
        actions: (
          <Button
            type="primary"
            size="small"
            data-testid="help-respond"
            onClick={() =>
              takeHelpRequest(id).then(
                () => notification.destroy(key),
                (error: unknown) => {
                  notification.destroy(key);
                  message.error(error instanceof Error ? error.message : String(error));
                },
              )
            }
          >
            {t('msg.help.respond')}
          </Button>
        ),
      });
    };
    return live.subscribe({
      onEvent: (envelope, replayed) => {
        const notice = messagingNotice(envelope.event);
        if (!notice || replayed) return;
        const id = Number(notice.data.id);
        const shown = notice.topic === 'message' ? showMessage(id) : showHelp(id, notice.data.takenBy);
        shown.catch(() => undefined);
      },
    });
  }, [live, notification, message, t, isLead, me.id]);

  return null;
}
