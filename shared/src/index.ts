export * from './announcement.schema.ts';
export * from './auth.schema.ts';
export * from './directory.schema.ts';
export * from './error.schema.ts';
export * from './roles.ts';
export * from './text.ts';
