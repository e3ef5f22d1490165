// Kysely table types of this module; db/schema.ts joins them into the one Database type.
export type IvrTables = Record<never, never>;
