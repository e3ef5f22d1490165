import { open } from 'node:fs/promises';

// Telephone-quality WAV files: 8 kHz mono, G.711 μ-law (format 7, one byte a sample) or 16-bit PCM.

export type WavFormat = 'mulaw' | 'pcm16';

export const SAMPLE_RATE = 8000;

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_MULAW = 7;

export type WavInfo = {
  format: WavFormat;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Size declared in the RIFF header: the file length minus 8. */
  riffSize: number;
  /** Sample count from the `fact` chunk (μ-law only). */
  factSampleCount: number | null;
  dataOffset: number;
  dataBytes: number;
  /** Samples in the data chunk. */
  sampleCount: number;
};

export function wavHeader(format: WavFormat, sampleCount: number): Buffer {
  const bytesPerSample = format === 'mulaw' ? 1 : 2;
  const dataBytes = sampleCount * bytesPerSample;
  const fmtSize = format === 'mulaw' ? 18 : 16;
  const factChunk = format === 'mulaw' ? 12 : 0;
  const header = Buffer.alloc(12 + 8 + fmtSize + factChunk + 8);
  const riffSize = header.length - 8 + dataBytes + (dataBytes % 2);
  let at = header.write('RIFF', 0, 'ascii');
  at = header.writeUInt32LE(riffSize, at);
  at += header.write('WAVE', at, 'ascii');
  at += header.write('fmt ', at, 'ascii');
  at = header.writeUInt32LE(fmtSize, at);
  at = header.writeUInt16LE(format === 'mulaw' ? WAVE_FORMAT_MULAW : WAVE_FORMAT_PCM, at);
  at = header.writeUInt16LE(1, at); // mono
  at = header.writeUInt32LE(SAMPLE_RATE, at);
  at = header.writeUInt32LE(SAMPLE_RATE * bytesPerSample, at); // byte rate
  at = header.writeUInt16LE(bytesPerSample, at); // block align
  at = header.writeUInt16LE(bytesPerSample * 8, at);
  if (format === 'mulaw') {
    at = header.writeUInt16LE(0, at); // cbSize: no extension
    at += header.write('fact', at, 'ascii');
    at = header.writeUInt32LE(4, at);
    at = header.writeUInt32LE(sampleCount, at);
  }
  at += header.write('data', at, 'ascii');
  header.writeUInt32LE(dataBytes, at);
  return header;
}

/** Reads the header of a WAV file written by `wavHeader` (or any plain mono/stereo PCM/μ-law WAV). */
export function parseWavHeader(file: Buffer): WavInfo {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let fmt: { code: number; channels: number; sampleRate: number; blockAlign: number; bits: number } | null =
    null;
  let factSampleCount: number | null = null;
  for (let at = 12; at + 8 <= file.length; ) {
    const id = file.toString('ascii', at, at + 4);
    const size = file.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      fmt = {
        code: file.readUInt16LE(body),
        channels: file.readUInt16LE(body + 2),
        sampleRate: file.readUInt32LE(body + 4),
        blockAlign: file.readUInt16LE(body + 12),
        bits: file.readUInt16LE(body + 14),
      };
    } else if (id === 'fact') {
      factSampleCount = file.readUInt32LE(body);
    } else if (id === 'data') {
      if (fmt === null) throw new Error('data chunk before fmt chunk');
      if (fmt.code !== WAVE_FORMAT_MULAW && fmt.code !== WAVE_FORMAT_PCM) {
        throw new Error(`unsupported WAV format code ${fmt.code}`);
      }
      return {
        format: fmt.code === WAVE_FORMAT_MULAW ? 'mulaw' : 'pcm16',
        channels: fmt.channels,
        sampleRate: fmt.sampleRate,
        bitsPerSample: fmt.bits,
        riffSize: file.readUInt32LE(4),
        factSampleCount,
        dataOffset: body,
        dataBytes: size,
        sampleCount: size / fmt.blockAlign,
      };
    }
    at = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

const MULAW_BIAS = 0x84;
const MULAW_CLIP = 32635;

/** G.711 μ-law encoding of one 16-bit linear sample. */
export function linearToMuLaw(sample: number): number {
  let magnitude = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = magnitude < 0 ? 0x80 : 0;
  if (sign !== 0) magnitude = -magnitude;
  magnitude = Math.min(magnitude, MULAW_CLIP) + MULAW_BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** G.711 μ-law decoding back to a 16-bit linear sample. */
export function muLawToLinear(code: number): number {
  const value = ~code & 0xff;
  const exponent = (value >> 4) & 0x07;
  const magnitude = ((((value & 0x0f) << 3) + MULAW_BIAS) << exponent) - MULAW_BIAS;
  return value & 0x80 ? -magnitude : magnitude;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same audio, run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE_AMPLITUDE = 96; // about -50 dBFS: audible as a faint hiss, clearly "something was recorded"

/**
 * Writes a WAV file of `sampleCount` samples of quiet comfort noise, one second at a time so a long
 * call never sits in memory. Refuses to overwrite an existing file.
 */
export async function writeComfortNoiseWav(
  path: string,
  opts: { format: WavFormat; sampleCount: number; seed: number },
): Promise<void> {
  const random = seededRandom(opts.seed);
  const file = await open(path, 'wx');
  try {
    await file.write(wavHeader(opts.format, opts.sampleCount));
    for (let left = opts.sampleCount; left > 0; left -= SAMPLE_RATE) {
      const n = Math.min(left, SAMPLE_RATE);
      const chunk = Buffer.alloc(opts.format === 'mulaw' ? n : n * 2);
      for (let i = 0; i < n; i++) {
        const sample = (random() * 2 - 1) * NOISE_AMPLITUDE;
        if (opts.format === 'mulaw') chunk[i] = linearToMuLaw(sample);
        else chunk.writeInt16LE(Math.round(sample), i * 2);
      }
      await file.write(chunk);
    }
    if (opts.format === 'mulaw' && opts.sampleCount % 2 === 1) await file.write(Buffer.alloc(1)); // RIFF pad
  } finally {
    await file.close();
  }
}
