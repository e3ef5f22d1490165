import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from './database.ts';

describe('embedded database folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a second server on a folder another running process holds', async () => {
    await writeFile(join(dir, 'switchboard.lock'), '1'); // pid 1 always runs
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
  });

  it('takes over a lock left by a process that no longer runs, and releases it on close', async () => {
    await writeFile(join(dir, 'switchboard.lock'), '4194999');
    const handle = await openDatabase({ dataDir: dir });
    expect(await readFile(join(dir, 'switchboard.lock'), 'utf8')).toBe(String(process.pid));
    await handle.close();
    await expect(readFile(join(dir, 'switchboard.lock'), 'utf8')).rejects.toThrow();
  });
});
