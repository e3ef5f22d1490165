import type { Role } from '@switchboard/shared';
import { type Actor, hasAnyRole } from '../http/access.ts';
import type { App } from '../http/app-types.ts';
import { inAudience, type LiveNotice, onLiveNotice } from '../live/live-notices.ts';
import { onAnnouncementPublished } from '../modules/announcements/index.ts';
import type { CtiRuntime } from './cti-runtime.ts';
import type { CtiEvent } from './engine/cti-types.ts';
import { createEventStream } from './stream/event-stream.ts';
import { registerCtiStream } from './stream/stream.routes.ts';

// The live CTI stream at /api/cti/stream. Team leads, duty leads, QA and admins follow everything
// (the wall); an agent follows their own state and the calls they are on.
const SEES_ALL: Role[] = ['team_lead', 'duty_lead', 'qa', 'admin'];

/** Besides CTI events the stream carries notices that tell desktops to refetch something. */
export type LiveEvent = CtiEvent | { type: 'announcement_changed'; id: number; urgent: boolean } | LiveNotice;

export function registerLiveCtiStream(app: App, cti: CtiRuntime): void {
  const stream = createEventStream<LiveEvent>({ clock: cti.clock });
  cti.onEvent((event) => stream.publish(event));
  // MSG-1: an urgent announcement appears at once; the notice carries no content, each desktop
  // refetches what is addressed to it.
  const stop = onAnnouncementPublished((a) =>
    stream.publish({ type: 'announcement_changed', id: a.id, urgent: a.urgent }),
  );
  const stopNotices = onLiveNotice((notice) => stream.publish(notice));
  app.addHook('onClose', async () => {
    stop();
    stopNotices();
  });
  registerCtiStream(app, {
    stream,
    snapshot: (actor) =>
      hasAnyRole(actor, SEES_ALL) ? cti.engine.snapshot() : { agent: cti.engine.agentView(actor.id) ?? null },
    canSee: (actor, event) => canSee(cti, actor, event),
  });
}

function canSee(cti: CtiRuntime, actor: Actor, event: LiveEvent): boolean {
  // Notices go to their audience only, whatever the role.
  if (event.type === 'notice') return inAudience(event.audience, actor.id, actor.roles);
  if (hasAnyRole(actor, SEES_ALL) || event.type === 'announcement_changed') return true;
  if ('agentId' in event && event.agentId === actor.id) return true;
  if (event.type === 'party_answered' || event.type === 'party_left')
    return event.staffId === actor.id || onCall(cti, actor, event.callId);
  return 'callId' in event && typeof event.callId === 'string' && onCall(cti, actor, event.callId);
}

function onCall(cti: CtiRuntime, actor: Actor, callId: string): boolean {
  return cti.engine.agentView(actor.id)?.callId === callId;
}
