import type { Role } from '@switchboard/shared';

// In-process notices for the live stream (/api/cti/stream): a module publishes after its change
// committed, the stream forwards the notice to the desktops in its audience. A notice says what
// changed (topic) and carries at most a small payload; desktops refetch the details through the
// module's routes, which apply their own access checks.

export type LiveNoticeAudience =
  | { kind: 'all' }
  | { kind: 'staff'; staffIds: number[] }
  | { kind: 'roles'; roles: Role[] };

export type LiveNotice = {
  type: 'notice';
  /** What changed, e.g. 'message', 'help_request', 'fault_alarm'. */
  topic: string;
  audience: LiveNoticeAudience;
  data?: Record<string, string | number | boolean | null>;
};

type Listener = (notice: LiveNotice) => void;

const listeners = new Set<Listener>();

/** Subscribes to notices; returns the unsubscribe function. */
export function onLiveNotice(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tells every listener; a failing listener neither stops the others nor fails the caller. */
export function publishLiveNotice(notice: Omit<LiveNotice, 'type'>): void {
  const full: LiveNotice = { type: 'notice', ...notice };
  for (const listener of listeners) {
    try {
      listener(full);
    } catch (error) {
      console.error('live notice listener', error);
    }
  }
}

/** Whether a staff member with these roles is in the notice's audience. */
export function inAudience(audience: LiveNoticeAudience, staffId: number, roles: readonly Role[]): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'staff':
      return audience.staffIds.includes(staffId);
    case 'roles':
      return audience.roles.some((r) => roles.includes(r));
  }
}
