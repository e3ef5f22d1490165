import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { VOICEMAIL_ERRORS } from './voicemail.errors.ts';

// The WAV of a voicemail, only from the data folder's recordings: a path stored from an event is
// never trusted to point anywhere else.
export async function findVoicemailAudio(
  db: Db,
  id: number,
  dataDir: string,
): Promise<{ file: string; size: number; callId: string }> {
  const row = await db
    .selectFrom('voicemails')
    .select(['file', 'call_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  const root = resolve(dataDir, 'recordings') + sep;
  const file = resolve(row.file);
  if (!file.startsWith(root)) throw new AppError(VOICEMAIL_ERRORS.RECORDING_MISSING);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new AppError(VOICEMAIL_ERRORS.RECORDING_MISSING);
  return { file, size: info.size, callId: row.call_id };
}
