import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RecordingId } from '../switch-port.ts';
import {
  type RecordingTarget,
  requireBridge,
  requireChannel,
  type SimCore,
  type SimRecording,
} from './sim-core.ts';
import { SimSwitchError } from './sim-switch-error.ts';
import { SAMPLE_RATE, writeComfortNoiseWav } from './wav.ts';

// A name may have folders (`2026-01-05/call-42`) but never climbs out of the recordings folder.
const RECORDING_NAME = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;

export function startRecording(core: SimCore, target: RecordingTarget, name: string): RecordingId {
  if ('bridgeId' in target) requireBridge(core, target.bridgeId);
  else requireChannel(core, target.channelId);
  if (name.length > 200 || !RECORDING_NAME.test(name)) {
    throw new SimSwitchError(
      'INVALID_RECORDING_NAME',
      `recording name ${JSON.stringify(name)} is not allowed`,
    );
  }
  const file = join(core.recordingsDir, `${name}.wav`);
  const inUse = [...core.recordings.values()].some((recording) => recording.file === file);
  if (inUse || existsSync(file)) {
    throw new SimSwitchError('RECORDING_EXISTS', `a recording named ${name} already exists`);
  }
  const id = core.ids.next('rec');
  core.recordings.set(id, {
    id,
    target: { ...target },
    file,
    seed: core.ids.last('rec'),
    recordedMs: 0,
    segmentStartedAt: core.clock.now().getTime(),
  });
  return id;
}

export function pauseRecording(core: SimCore, recordingId: RecordingId): void {
  const recording = requireActiveRecording(core, recordingId);
  if (recording.segmentStartedAt === null) return;
  recording.recordedMs += core.clock.now().getTime() - recording.segmentStartedAt;
  recording.segmentStartedAt = null;
}

export function resumeRecording(core: SimCore, recordingId: RecordingId): void {
  const recording = requireActiveRecording(core, recordingId);
  if (recording.segmentStartedAt === null) recording.segmentStartedAt = core.clock.now().getTime();
}

/** Writes the WAV file and raises `recording_finished`. Stopping a finished recording is a no-op. */
export async function stopRecording(core: SimCore, recordingId: RecordingId): Promise<void> {
  const recording = core.recordings.get(recordingId);
  if (recording !== undefined) return finishRecording(core, recording);
  const finishing = core.finishingRecordings.get(recordingId);
  if (finishing !== undefined) return finishing;
  if (core.ids.wasIssued('rec', recordingId)) return;
  throw new SimSwitchError('NO_SUCH_RECORDING', `no recording ${recordingId}`);
}

/** Stops every recording of a bridge being destroyed or a channel hanging up. */
export async function stopRecordingsOf(core: SimCore, target: RecordingTarget): Promise<void> {
  const matching = [...core.recordings.values()].filter((recording) =>
    'bridgeId' in target
      ? 'bridgeId' in recording.target && recording.target.bridgeId === target.bridgeId
      : 'channelId' in recording.target && recording.target.channelId === target.channelId,
  );
  await Promise.all(matching.map((recording) => finishRecording(core, recording)));
}

export async function stopAllRecordings(core: SimCore): Promise<void> {
  await Promise.all([...core.recordings.values()].map((recording) => finishRecording(core, recording)));
}

function finishRecording(core: SimCore, recording: SimRecording): Promise<void> {
  const stoppedAt = core.clock.now();
  const durationMs =
    recording.recordedMs +
    (recording.segmentStartedAt === null ? 0 : stoppedAt.getTime() - recording.segmentStartedAt);
  core.recordings.delete(recording.id);
  const write = (async () => {
    try {
      await mkdir(dirname(recording.file), { recursive: true });
      await writeComfortNoiseWav(recording.file, {
        format: core.recordingFormat,
        sampleCount: Math.round((durationMs * SAMPLE_RATE) / 1000),
        seed: recording.seed,
      });
    } finally {
      core.finishingRecordings.delete(recording.id);
    }
    core.events.emit({
      type: 'recording_finished',
      at: core.clock.now(),
      recordingId: recording.id,
      file: recording.file,
      durationMs,
    });
  })();
  core.finishingRecordings.set(recording.id, write);
  return write;
}

function requireActiveRecording(core: SimCore, recordingId: RecordingId): SimRecording {
  const recording = core.recordings.get(recordingId);
  if (recording !== undefined) return recording;
  if (core.ids.wasIssued('rec', recordingId)) {
    throw new SimSwitchError('RECORDING_FINISHED', `recording ${recordingId} has finished`);
  }
  throw new SimSwitchError('NO_SUCH_RECORDING', `no recording ${recordingId}`);
}
