import type { Db } from '../db/database.ts';

/** Demo rows of this module, written inside seedDemoIfEmpty's transaction. */
export async function seedWorkItems(_db: Db, _now: Date): Promise<void> {}
