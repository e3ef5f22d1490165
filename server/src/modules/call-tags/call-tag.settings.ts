import { type CallTagSettings, callTagSettingsSchema, DEFAULT_CALL_TAG_SETTINGS } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';

// The tagging rules and alarm thresholds, one JSON value in `settings`; defaults when unset or unreadable.
const KEY = 'call_tags.settings';

export async function getCallTagSettings(db: Db): Promise<CallTagSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = callTagSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_CALL_TAG_SETTINGS;
}

export async function setCallTagSettings(db: Db, settings: CallTagSettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
