// The CTI events the desktop reads (server/src/cti/engine/cti-types.ts `CtiEvent`). Only the
// fields the desktop uses are typed; events it does not know are passed through as `unknown` types.

export type LocalizedText = { 'zh-CN': string; 'en-US': string };

export type AgentStateName =
  | 'signed_out'
  | 'ready'
  | 'not_ready'
  | 'ringing'
  | 'talking'
  | 'hold'
  | 'after_call_work';

export type TransferTarget =
  | { kind: 'agent'; agentId: number }
  | { kind: 'queue'; queueId: string }
  | { kind: 'number'; number: string }
  | { kind: 'ivr'; flowId: string };

export type StaffRef = { id: number; employeeNo: string; name: string };

export type CtiEvent =
  | {
      type: 'agent_state';
      agentId: number;
      employeeNo: string;
      state: AgentStateName;
      reason: string | null;
      since: string;
      callId: string | null;
      by: StaffRef | null;
    }
  | {
      type: 'call_started';
      callId: string;
      direction: 'inbound' | 'outbound' | 'internal';
      callerNumber: string;
      calledNumber: string;
      accessCode: string | null;
      vip: boolean;
      agentId: number | null;
    }
  | { type: 'call_queued'; callId: string; queueId: string; priority: number; reason: string }
  | {
      type: 'call_offered';
      callId: string;
      agentId: number;
      number: string;
      via: 'skill' | 'overflow' | 'direct';
      explanation: LocalizedText;
      /** The caller and how they came: what the screen pop shows (UI-7). */
      call: {
        callerNumber: string;
        calledNumber: string;
        accessCode: string | null;
        queueId: string | null;
        vip: boolean;
        customerData: Record<string, unknown>;
      };
    }
  | { type: 'offer_failed'; callId: string; agentId: number; cause: string }
  | { type: 'call_answered'; callId: string; agentId: number }
  | { type: 'party_answered'; callId: string; role: string; staffId: number | null; number: string }
  | { type: 'call_held'; callId: string; agentId: number }
  | { type: 'call_retrieved'; callId: string; agentId: number }
  | { type: 'muted'; callId: string; agentId: number; muted: boolean }
  | {
      type: 'consult_started';
      callId: string;
      agentId: number;
      target: TransferTarget;
      purpose: 'consult' | 'help';
    }
  | { type: 'consult_answered'; callId: string; target: TransferTarget }
  | { type: 'consult_ended'; callId: string; cause: string }
  | {
      type: 'transferred';
      callId: string;
      fromAgentId: number;
      target: TransferTarget;
      mode: 'blind' | 'attended';
    }
  | { type: 'conference_started'; callId: string; agentId: number }
  | { type: 'party_left'; callId: string; role: string; staffId: number | null; number: string }
  | { type: 'recording_started'; callId: string; recordingId: string }
  | { type: 'recording_paused'; callId: string; recordingId: string }
  | { type: 'recording_resumed'; callId: string; recordingId: string }
  | { type: 'call_ended'; callId: string; cause: string };

export type CtiEventType = CtiEvent['type'];
