// The desktop reads the CTI events exactly as the server sends them (shared/src/cti-event.ts).
export type {
  AgentState as AgentStateName,
  CtiEvent,
  CtiEventType,
  LocalizedText,
  StaffRef,
  TransferTarget,
} from '@switchboard/shared';
