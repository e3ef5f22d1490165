import type { Channel, ChannelId } from './switch-port.ts';

/**
 * The far side of the switch, for tests, the demo and load: what customers and phones do by
 * themselves. The simulated switch implements it directly; the SIP engine will implement it with
 * real SIP user agents (SIPp, baresip). The CTI test suite drives calls only through this and
 * the port, so the same suite runs on both.
 */
export interface SwitchDriver {
  /** A customer dials an access code (特服号); the switch raises `inbound_call`. */
  customerCalls(callerNumber: string, accessCode: string): Promise<Channel>;
  customerPressesDigits(channelId: ChannelId, digits: string): Promise<void>;
  /** The far party of any channel hangs up (customer, outside number, agent's phone). */
  remoteHangsUp(channelId: ChannelId): Promise<void>;
  /** How an outside number behaves when called. */
  setExternalBehaviour(number: string, behaviour: ExternalBehaviour): void;
}

export type ExternalBehaviour =
  | { kind: 'answer'; afterMs: number }
  | { kind: 'busy' }
  | { kind: 'no_answer' }
  | { kind: 'unreachable' };
