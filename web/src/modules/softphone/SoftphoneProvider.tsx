import type { Role } from '@switchboard/shared';
import { App } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import type { CtiEvent } from '../live/cti-event.ts';
import { useLive } from '../live/use-live.ts';
import { latestView } from './agent-view.ts';
import { applyCallEvent, type CallBook, emptyCall } from './call-model.ts';
import {
  type AgentCommand,
  type AgentCommandPath,
  type AgentView,
  fetchAgentMe,
  runAgentCommand,
} from './softphone-api.ts';
import { SoftphoneContext, type SoftphoneContextValue } from './softphone-context.ts';

const TAKES_CALLS: readonly Role[] = ['agent', 'team_lead', 'duty_lead'];

function isAgentView(value: unknown): value is AgentView {
  return typeof value === 'object' && value !== null && 'state' in value && 'since' in value;
}

/** My CTI state and calls, from the live stream, `GET /api/cti/agent/me` and command answers. */
export function SoftphoneProvider({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  const { message } = App.useApp();
  const live = useLive();
  const takesCalls = user.roles.some((role) => TAKES_CALLS.includes(role));
  const [agent, setAgent] = useState<AgentView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [calls, setCalls] = useState<CallBook>({});
  const [pending, setPending] = useState<AgentCommandPath | null>(null);
  // Bumped by every state change we learn; a /me answer older than one of them only adds details.
  const version = useRef(0);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(() => {
    if (!takesCalls) return;
    const asked = version.current;
    fetchAgentMe().then(
      (view) => {
        setLoaded(true);
        if (version.current === asked) {
          setAgent(view);
          return;
        }
        setAgent((current) =>
          current && view
            ? {
                ...current,
                extension: view.extension,
                skills: view.skills,
                autoAnswer: view.autoAnswer,
                forwardTo: view.forwardTo,
                wrapUpDeadline: current.state === 'after_call_work' ? view.wrapUpDeadline : null,
              }
            : current,
        );
      },
      () => undefined,
    );
  }, [takesCalls]);

  const refreshSoon = useCallback(() => {
    if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(refresh, 250);
  }, [refresh]);

  useEffect(
    () => () => {
      if (refreshTimer.current !== null) clearTimeout(refreshTimer.current);
    },
    [],
  );

  useEffect(() => {
    const myId = user.id;
    return live.subscribe({
      onSnapshot: (data) => {
        if (typeof data === 'object' && data !== null && 'agent' in data) {
          const view = (data as { agent: unknown }).agent;
          version.current += 1;
          setAgent(isAgentView(view) ? view : null);
          setLoaded(true);
        }
      },
      onEvent: (envelope) => {
        const event: CtiEvent = envelope.event;
        if (event.type === 'agent_state' && event.agentId === myId) {
          version.current += 1;
          setAgent((current) => ({
            id: myId,
            employeeNo: event.employeeNo,
            extension: null,
            autoAnswer: false,
            forwardTo: null,
            skills: [],
            wrapUpDeadline: null,
            ...current,
            state: event.state,
            notReadyReason: event.state === 'not_ready' ? event.reason : null,
            since: event.since,
            callId: event.callId,
          }));
          refreshSoon();
        }
        setCalls((book) => applyCallEvent(book, envelope, myId));
      },
      onResync: refresh,
    });
  }, [live, user.id, refresh, refreshSoon]);

  const run = useCallback(
    async (command: AgentCommand) => {
      setPending(command.path);
      try {
        const view = await runAgentCommand(command);
        version.current += 1;
        // The answer may arrive after the live stream already told of a later state (e.g. the
        // stream's 通话 before the 应答 request's own answer): never step back to an older state.
        setAgent((current) => latestView(current, view));
        return true;
      } catch (error) {
        message.error(error instanceof Error ? error.message : t('softphone.commandFailed'));
        return false;
      } finally {
        setPending(null);
      }
    },
    [message, t],
  );

  const value = useMemo<SoftphoneContextValue>(() => {
    const callId = agent?.callId ?? null;
    const currentCall = callId ? (calls[callId] ?? emptyCall(callId)) : null;
    return { takesCalls, agent, loaded: loaded || !takesCalls, calls, currentCall, pending, run };
  }, [takesCalls, agent, loaded, calls, pending, run]);

  return <SoftphoneContext value={value}>{children}</SoftphoneContext>;
}
