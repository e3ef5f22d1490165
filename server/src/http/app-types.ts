import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { CtiRuntime } from '../cti/cti-runtime.ts';
import type { Db, DbKind } from '../db/database.ts';
import type { PasswordHasher } from '../modules/auth/password-hasher.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route modules are given: passed in explicitly, never imported as globals. */
export type AppDeps = {
  db: Db;
  dbKind: DbKind;
  config: Config;
  clock: Clock;
  hasher: PasswordHasher;
  /** The call-control core; absent in tests that do not need telephony. */
  cti?: CtiRuntime;
};
