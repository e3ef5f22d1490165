// The telephony port (ARCHITECTURE §4). Calls are channels (legs) joined in bridges (mixes),
// the way Asterisk's ARI models them. The CTI layer speaks only this port; the simulated switch
// (`sim/`) and, later, the SIP engine (`sip/`) implement it and must pass the same CTI suite.

export type ChannelId = string;
export type BridgeId = string;
export type PlaybackId = string;
export type RecordingId = string;

/** Where a channel goes: an agent's extension, an outside number, or another internal party. */
export type Endpoint = { kind: 'extension'; number: string } | { kind: 'external'; number: string };

export type ChannelDirection = 'inbound' | 'outbound';

export type ChannelState = 'ringing' | 'up' | 'hungup';

export type HangupCause =
  | 'normal' // a party hung up
  | 'busy'
  | 'no_answer'
  | 'rejected'
  | 'unreachable'
  | 'forced' // a supervisor's force release
  | 'system_restart'; // the switch lost the call when the server restarted

/**
 * How a channel takes part in a bridge:
 * - `speak`: hears everyone, heard by everyone (normal talk, barge-in)
 * - `listen`: hears everyone, heard by no one (silent monitor)
 * - `whisper`: hears everyone, heard only by the member `to` (coaching the agent)
 */
export type BridgeRole = { kind: 'speak' } | { kind: 'listen' } | { kind: 'whisper'; to: ChannelId };

export type Channel = {
  id: ChannelId;
  direction: ChannelDirection;
  endpoint: Endpoint;
  /** Calling number as presented (the customer's number on inbound calls). */
  callerNumber: string;
  /** Dialled number: the access code (特服号) on inbound calls. */
  calledNumber: string;
  state: ChannelState;
  createdAt: Date;
  answeredAt: Date | null;
  hungupAt: Date | null;
  hangupCause: HangupCause | null;
  bridgeId: BridgeId | null;
  onHold: boolean;
  muted: boolean;
};

export type Bridge = { id: BridgeId; members: { channelId: ChannelId; role: BridgeRole }[] };

export type SwitchEvent =
  | { type: 'inbound_call'; at: Date; channel: Channel }
  | { type: 'channel_ringing'; at: Date; channelId: ChannelId }
  | { type: 'channel_answered'; at: Date; channelId: ChannelId }
  | { type: 'channel_hungup'; at: Date; channelId: ChannelId; cause: HangupCause }
  | { type: 'bridge_changed'; at: Date; bridge: Bridge }
  | { type: 'hold_changed'; at: Date; channelId: ChannelId; onHold: boolean }
  | { type: 'mute_changed'; at: Date; channelId: ChannelId; muted: boolean }
  | { type: 'dtmf_received'; at: Date; channelId: ChannelId; digit: string }
  | {
      type: 'playback_finished';
      at: Date;
      channelId: ChannelId;
      playbackId: PlaybackId;
      interrupted: boolean;
    }
  | {
      type: 'recording_finished';
      at: Date;
      recordingId: RecordingId;
      file: string;
      /** Audio actually recorded, pauses excluded. */
      durationMs: number;
    };

export type OriginateRequest = {
  endpoint: Endpoint;
  /** Number shown to the called party. */
  callerNumber: string;
  /** Give up ringing after this long (hangup cause `no_answer`). */
  ringTimeoutMs: number;
};

export interface SwitchPort {
  /** Places a new outgoing channel; it rings, then answers or hangs up (events tell which). */
  originate(req: OriginateRequest): Promise<Channel>;
  /**
   * Answers a ringing channel. Inbound: the switch picks up (IVR, queue). Outbound to an
   * extension: the agent's phone picks up by remote control (the agent clicked 应答 on the
   * desktop; a SIP phone gets an auto-answer/talk request, a WebRTC softphone answers itself).
   */
  answer(channelId: ChannelId): Promise<void>;
  hangup(channelId: ChannelId, cause?: HangupCause): Promise<void>;
  getChannel(channelId: ChannelId): Channel | undefined;

  createBridge(): Promise<Bridge>;
  addToBridge(bridgeId: BridgeId, channelId: ChannelId, role?: BridgeRole): Promise<void>;
  /** Switches a member live, e.g. from silent monitor to whisper to barge-in. */
  setBridgeRole(bridgeId: BridgeId, channelId: ChannelId, role: BridgeRole): Promise<void>;
  removeFromBridge(bridgeId: BridgeId, channelId: ChannelId): Promise<void>;
  destroyBridge(bridgeId: BridgeId): Promise<void>;
  getBridge(bridgeId: BridgeId): Bridge | undefined;

  /** Music on hold: the channel hears music and is heard by no one until released. */
  startHold(channelId: ChannelId): Promise<void>;
  stopHold(channelId: ChannelId): Promise<void>;
  /** The channel's own voice is not sent to the bridge. */
  setMuted(channelId: ChannelId, muted: boolean): Promise<void>;

  playPrompt(
    channelId: ChannelId,
    prompt: string,
    opts?: { interruptibleByDtmf?: boolean },
  ): Promise<PlaybackId>;
  stopPlayback(playbackId: PlaybackId): Promise<void>;

  /** Records a bridge (the whole conversation) or a single channel to a WAV file. */
  startRecording(
    target: { bridgeId: BridgeId } | { channelId: ChannelId },
    name: string,
  ): Promise<RecordingId>;
  pauseRecording(recordingId: RecordingId): Promise<void>;
  resumeRecording(recordingId: RecordingId): Promise<void>;
  stopRecording(recordingId: RecordingId): Promise<void>;

  /** Subscribes to every switch event, in order; returns the unsubscribe function. */
  onEvent(listener: (event: SwitchEvent) => void): () => void;
}
