export type SimSwitchErrorCode =
  | 'NO_SUCH_CHANNEL'
  | 'CHANNEL_HUNG_UP'
  | 'CHANNEL_NOT_UP'
  | 'NOT_ANSWERABLE'
  | 'NO_SUCH_BRIDGE'
  | 'NOT_IN_BRIDGE'
  | 'INVALID_WHISPER_TARGET'
  | 'NO_SUCH_PLAYBACK'
  | 'NO_SUCH_RECORDING'
  | 'RECORDING_FINISHED'
  | 'INVALID_RECORDING_NAME'
  | 'RECORDING_EXISTS'
  | 'INVALID_DIGITS'
  | 'INVALID_ARGUMENT';

/** What the simulated switch rejects with; `code` says why, the message names the object. */
export class SimSwitchError extends Error {
  override readonly name = 'SimSwitchError';

  constructor(
    readonly code: SimSwitchErrorCode,
    message: string,
  ) {
    super(message);
  }
}
