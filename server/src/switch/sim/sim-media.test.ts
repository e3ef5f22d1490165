import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SwitchEvent } from '../switch-port.ts';
import { simSwitchFixture } from './sim-switch.fixture.ts';
import { parseWavHeader } from './wav.ts';

const finishedPlaybacks = (events: SwitchEvent[]) =>
  events.flatMap((event) => (event.type === 'playback_finished' ? [event] : []));
const finishedRecordings = (events: SwitchEvent[]) =>
  events.flatMap((event) => (event.type === 'recording_finished' ? [event] : []));

describe('prompts and DTMF', () => {
  it('a prompt finishes after its duration, not interrupted', async () => {
    const { sim, clock, events, answeredCall } = await simSwitchFixture({
      promptDurationMs: (prompt) => (prompt === 'welcome' ? 4500 : 2000),
    });
    const call = await answeredCall();

    const playback = await sim.playPrompt(call, 'welcome');
    await clock.advance(4499);
    expect(finishedPlaybacks(events)).toEqual([]);
    await clock.advance(1);

    expect(finishedPlaybacks(events)).toMatchObject([
      { playbackId: playback, channelId: call, interrupted: false },
    ]);
  });

  it('a DTMF digit interrupts an interruptible prompt', async () => {
    const { sim, clock, events, eventTypes, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();
    const playback = await sim.playPrompt(call, 'menu', { interruptibleByDtmf: true });
    await clock.advance(800);

    await sim.customerPressesDigits(call, '2');

    expect(eventTypes().slice(-2)).toEqual(['dtmf_received', 'playback_finished']);
    expect(finishedPlaybacks(events)).toMatchObject([{ playbackId: playback, interrupted: true }]);
  });

  it('a DTMF digit does not interrupt a prompt that is not interruptible', async () => {
    const { sim, clock, events, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();
    await sim.playPrompt(call, 'legal-notice');

    await sim.customerPressesDigits(call, '1');
    await clock.advance(2000);

    expect(finishedPlaybacks(events)).toMatchObject([{ interrupted: false }]);
  });

  it('digits arrive one at a time, 100 ms apart', async () => {
    const { sim, clock, events, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();

    await sim.customerPressesDigits(call, '123#');
    await clock.advance(1000);

    const pressedAt = clock.now().getTime() - 1000;
    const digits = events.flatMap((event) =>
      event.type === 'dtmf_received' ? [[event.digit, event.at.getTime() - pressedAt]] : [],
    );
    expect(digits).toEqual([
      ['1', 0],
      ['2', 100],
      ['3', 200],
      ['#', 300],
    ]);
  });

  it('rejects keys a phone does not have', async () => {
    const { sim, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();

    await expect(sim.customerPressesDigits(call, '12x')).rejects.toMatchObject({ code: 'INVALID_DIGITS' });
  });

  it('stopping a prompt reports it interrupted, and stopping it again is a no-op', async () => {
    const { sim, events, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();
    const playback = await sim.playPrompt(call, 'queue-music');

    await sim.stopPlayback(playback);
    await sim.stopPlayback(playback);

    expect(finishedPlaybacks(events)).toMatchObject([{ playbackId: playback, interrupted: true }]);
    await expect(sim.stopPlayback('pb-99')).rejects.toMatchObject({ code: 'NO_SUCH_PLAYBACK' });
  });

  it('a hangup ends the prompts and drops the digits not pressed yet', async () => {
    const { sim, clock, eventTypes, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();
    await sim.playPrompt(call, 'menu');
    await sim.customerPressesDigits(call, '9999');

    await sim.remoteHangsUp(call);
    await clock.advance(5000);

    expect(eventTypes().slice(2)).toEqual(['dtmf_received', 'channel_hungup', 'playback_finished']);
  });
});

describe('recording', () => {
  it('a 60 s call paused for 10 s gives a 50 s WAV file', async () => {
    const { sim, clock, events, answeredCall, agentLeg, recordingsDir } = await simSwitchFixture();
    const bridge = await sim.createBridge();
    await sim.addToBridge(bridge.id, await answeredCall());
    await sim.addToBridge(bridge.id, await agentLeg('8001'));

    const recording = await sim.startRecording({ bridgeId: bridge.id }, 'call-1');
    await clock.advance(20_000);
    await sim.pauseRecording(recording); // the customer reads out a card number
    await clock.advance(10_000);
    await sim.resumeRecording(recording);
    await clock.advance(30_000);
    await sim.stopRecording(recording);

    const file = join(recordingsDir, 'call-1.wav');
    expect(finishedRecordings(events)).toEqual([
      { type: 'recording_finished', at: clock.now(), recordingId: recording, file, durationMs: 50_000 },
    ]);
    const header = parseWavHeader(await readFile(file));
    expect(header).toMatchObject({ format: 'mulaw', sampleRate: 8000, channels: 1, sampleCount: 400_000 });
    expect((await stat(file)).size).toBe(58 + 400_000);
  });

  it('records 16-bit PCM when told to', async () => {
    const { sim, clock, answeredCall, recordingsDir } = await simSwitchFixture({ recordingFormat: 'pcm16' });
    const recording = await sim.startRecording({ channelId: await answeredCall() }, 'pcm');
    await clock.advance(1000);

    await sim.stopRecording(recording);

    expect(parseWavHeader(await readFile(join(recordingsDir, 'pcm.wav')))).toMatchObject({
      format: 'pcm16',
      sampleCount: 8000,
    });
  });

  it('stops by itself when the recorded bridge is destroyed', async () => {
    const { sim, clock, events, answeredCall } = await simSwitchFixture();
    const bridge = await sim.createBridge();
    await sim.addToBridge(bridge.id, await answeredCall());
    const recording = await sim.startRecording({ bridgeId: bridge.id }, 'bridge-ends');
    await clock.advance(12_000);

    await sim.destroyBridge(bridge.id);
    await sim.stopRecording(recording); // a late stop is a no-op

    expect(finishedRecordings(events)).toMatchObject([{ recordingId: recording, durationMs: 12_000 }]);
    await expect(sim.pauseRecording(recording)).rejects.toMatchObject({ code: 'RECORDING_FINISHED' });
  });

  it('stops by itself when the recorded channel hangs up', async () => {
    const { sim, clock, events, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();
    await sim.startRecording({ channelId: call }, '2026-01-05/voicemail-1');
    await clock.advance(7000);

    await sim.remoteHangsUp(call);

    const [finished] = finishedRecordings(events);
    expect(finished?.durationMs).toBe(7000);
    expect(finished?.file.endsWith(join('2026-01-05', 'voicemail-1.wav'))).toBe(true);
    expect((await stat(finished?.file ?? '')).size).toBe(58 + 56_000);
  });

  it('rejects names that would leave the recordings folder', async () => {
    const { sim, answeredCall } = await simSwitchFixture();
    const call = await answeredCall();

    for (const name of ['../escape', '/etc/passwd', 'a/../../b', '', '.hidden']) {
      await expect(sim.startRecording({ channelId: call }, name)).rejects.toMatchObject({
        code: 'INVALID_RECORDING_NAME',
      });
    }
  });

  it('never overwrites an existing recording', async () => {
    const { sim, answeredCall, recordingsDir } = await simSwitchFixture();
    const call = await answeredCall();
    await writeFile(join(recordingsDir, 'kept.wav'), 'an earlier call');
    await sim.startRecording({ channelId: call }, 'busy-name');

    await expect(sim.startRecording({ channelId: call }, 'kept')).rejects.toMatchObject({
      code: 'RECORDING_EXISTS',
    });
    await expect(sim.startRecording({ channelId: call }, 'busy-name')).rejects.toMatchObject({
      code: 'RECORDING_EXISTS',
    });
  });

  it('shutdown writes the recordings still running', async () => {
    const { sim, clock, events, answeredCall } = await simSwitchFixture();
    const bridge = await sim.createBridge();
    await sim.addToBridge(bridge.id, await answeredCall());
    await sim.startRecording({ bridgeId: bridge.id }, 'interrupted-by-restart');
    await clock.advance(3000);

    await sim.shutdown();

    expect(finishedRecordings(events)).toMatchObject([{ durationMs: 3000 }]);
  });
});
