import type { VoicemailState } from '@switchboard/shared';

export const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

export const VOICEMAIL_STATE_COLORS: Record<VoicemailState, string> = {
  new: 'blue',
  assigned: 'orange',
  handled: 'green',
};

export const LEAD_ROLES = ['team_lead', 'duty_lead', 'admin'] as const;
