import { publishLiveNotice } from '../../live/live-notices.ts';

// Desktops refetch the box or the callback list when told; call these after the commit.
const READERS = ['agent', 'team_lead', 'duty_lead', 'admin'] as const;

export function notifyVoicemailsChanged(id: number, state: string): void {
  publishLiveNotice({
    topic: 'voicemail',
    audience: { kind: 'roles', roles: [...READERS] },
    data: { id, state },
  });
}

export function notifyCallbacksChanged(callbackId: string, state: string): void {
  publishLiveNotice({
    topic: 'callback',
    audience: { kind: 'roles', roles: [...READERS] },
    data: { callbackId, state },
  });
}
