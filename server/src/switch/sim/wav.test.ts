import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linearToMuLaw, muLawToLinear, parseWavHeader, wavHeader, writeComfortNoiseWav } from './wav.ts';

describe('WAV header', () => {
  it('parses a μ-law header back with its sample count, fact chunk and 8 kHz mono format', () => {
    const header = wavHeader('mulaw', 400_000);

    const info = parseWavHeader(header);

    expect(info).toMatchObject({
      format: 'mulaw',
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 8,
      factSampleCount: 400_000,
      sampleCount: 400_000,
      dataBytes: 400_000,
      dataOffset: 58,
    });
    expect(header.readUInt32LE(16)).toBe(18); // fmt chunk with cbSize
    expect(info.riffSize).toBe(58 - 8 + 400_000);
  });

  it('parses a 16-bit PCM header back with two bytes a sample and no fact chunk', () => {
    const info = parseWavHeader(wavHeader('pcm16', 8000));

    expect(info).toMatchObject({ format: 'pcm16', bitsPerSample: 16, sampleCount: 8000, dataBytes: 16_000 });
    expect(info.factSampleCount).toBeNull();
    expect(info.dataOffset).toBe(44);
  });

  it('counts the pad byte of an odd-sized data chunk in the RIFF size', () => {
    const info = parseWavHeader(wavHeader('mulaw', 3));

    expect(info.riffSize).toBe(58 - 8 + 3 + 1);
  });

  it('rejects a file that is not a WAVE', () => {
    expect(() => parseWavHeader(Buffer.from('not a wav file at all'))).toThrow('not a RIFF/WAVE file');
  });
});

describe('μ-law', () => {
  it('encodes silence as 0xFF', () => {
    expect(linearToMuLaw(0)).toBe(0xff);
  });

  it('round-trips samples within the quantisation step', () => {
    for (const sample of [-32_000, -5000, -100, -1, 1, 37, 1000, 8000, 32_000]) {
      const back = muLawToLinear(linearToMuLaw(sample));
      expect(Math.abs(back - sample)).toBeLessThanOrEqual(Math.max(8, Math.abs(sample) / 16));
    }
  });
});

describe('comfort-noise WAV file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-wav-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('holds one byte a sample after the header, and the same seed gives the same audio', async () => {
    await writeComfortNoiseWav(join(dir, 'a.wav'), { format: 'mulaw', sampleCount: 20_000, seed: 7 });
    await writeComfortNoiseWav(join(dir, 'b.wav'), { format: 'mulaw', sampleCount: 20_000, seed: 7 });

    const a = await readFile(join(dir, 'a.wav'));
    const b = await readFile(join(dir, 'b.wav'));

    expect(a.length).toBe(58 + 20_000);
    expect(parseWavHeader(a).sampleCount).toBe(20_000);
    expect(a.equals(b)).toBe(true);
    expect(new Set(a.subarray(58)).size).toBeGreaterThan(4); // noise, not a constant
  });

  it('writes 16-bit PCM at two bytes a sample', async () => {
    await writeComfortNoiseWav(join(dir, 'p.wav'), { format: 'pcm16', sampleCount: 8001, seed: 1 });

    const file = await readFile(join(dir, 'p.wav'));

    expect(file.length).toBe(44 + 16_002);
    expect(parseWavHeader(file).sampleCount).toBe(8001);
  });

  it('refuses to overwrite an existing file', async () => {
    await writeFile(join(dir, 'taken.wav'), 'keep me');

    await expect(
      writeComfortNoiseWav(join(dir, 'taken.wav'), { format: 'mulaw', sampleCount: 10, seed: 1 }),
    ).rejects.toThrow(/EEXIST/);
    expect(await readFile(join(dir, 'taken.wav'), 'utf8')).toBe('keep me');
  });
});
