import { z } from 'zod';

// One typed, frozen configuration read at start-up. Every setting has a default that works
// offline on one machine; `.env.example` lists them all.
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SEED_DEMO: flag.default(true),
  TRUST_PROXY: flag.default(false),
  PASSWORD_MEMORY_KIB: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024)
    .default(19456),
  PASSWORD_TIME_COST: z.coerce.number().int().min(1).max(10).default(3),
  LOGIN_MAX_FAILURES_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_IP_MAX_FAILURES_PER_HOUR: z.coerce.number().int().min(1).max(100000).default(100),
  SIMULATE_TRAFFIC: flag.default(true),
  DEMO_AUTOPILOT_AGENTS: z.coerce.number().int().min(0).max(200).default(8),
  WRAP_UP_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  RECORD_CALLS: flag.default(true),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  // Outbox (MSG-4): which gateway each channel uses; 'sink' stores instead of sending.
  SMS_ADAPTER: z.enum(['sink', 'smpp']).default('sink'),
  EMAIL_ADAPTER: z.enum(['sink', 'smtp']).default('sink'),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  SMTP_SECURE: flag.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().min(3).default('Switchboard <noreply@switchboard.local>'),
  SMPP_HOST: z.string().min(1).default('127.0.0.1'),
  SMPP_PORT: z.coerce.number().int().min(1).max(65535).default(2775),
  SMPP_SYSTEM_ID: z.string().max(16).default(''),
  SMPP_PASSWORD: z.string().max(9).default(''),
  SMPP_SOURCE_ADDR: z.string().max(21).default('10086'),
  SMS_INBOUND_TOKEN: z.string().min(16).optional(),
  JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  INBOUND_SMTP_PORT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  session: Readonly<{ idleMs: number; absoluteMs: number }>;
  seedDemo: boolean;
  trustProxy: boolean;
  password: Readonly<{ memoryKib: number; timeCost: number }>;
  loginThrottle: Readonly<{ maxFailuresPerAccountHour: number; maxFailuresPerIpHour: number }>;
  bodyLimitBytes: number;
  cti: Readonly<{
    simulateTraffic: boolean;
    demoAutopilotAgents: number;
    wrapUpMs: number;
    recordCalls: boolean;
  }>;
  messaging: Readonly<{
    smsAdapter: 'sink' | 'smpp';
    emailAdapter: 'sink' | 'smtp';
    smtp: Readonly<{
      host: string;
      port: number;
      secure: boolean;
      user: string | undefined;
      pass: string | undefined;
      from: string;
    }>;
    smpp: Readonly<{ host: string; port: number; systemId: string; password: string; sourceAddr: string }>;
    /** Shared secret of the SMS gateway's inbound webhook; unset = webhook off. */
    inboundToken: string | undefined;
    jobPollMs: number;
    /** Inbound e-mail / fax listener (MSG-5); unset = off. */
    inboundSmtpPort: number | undefined;
  }>;
  version: string;
}>;

export class ConfigError extends Error {}

export const APP_VERSION = '0.1.0';

/** Reads the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    session: Object.freeze({
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    }),
    seedDemo: e.SEED_DEMO,
    trustProxy: e.TRUST_PROXY,
    password: Object.freeze({ memoryKib: e.PASSWORD_MEMORY_KIB, timeCost: e.PASSWORD_TIME_COST }),
    loginThrottle: Object.freeze({
      maxFailuresPerAccountHour: e.LOGIN_MAX_FAILURES_PER_HOUR,
      maxFailuresPerIpHour: e.LOGIN_IP_MAX_FAILURES_PER_HOUR,
    }),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    cti: Object.freeze({
      simulateTraffic: e.SIMULATE_TRAFFIC,
      demoAutopilotAgents: e.DEMO_AUTOPILOT_AGENTS,
      wrapUpMs: e.WRAP_UP_SECONDS * 1000,
      recordCalls: e.RECORD_CALLS,
    }),
    messaging: Object.freeze({
      smsAdapter: e.SMS_ADAPTER,
      emailAdapter: e.EMAIL_ADAPTER,
      smtp: Object.freeze({
        host: e.SMTP_HOST,
        port: e.SMTP_PORT,
        secure: e.SMTP_SECURE,
        user: e.SMTP_USER,
        pass: e.SMTP_PASS,
        from: e.SMTP_FROM,
      }),
      smpp: Object.freeze({
        host: e.SMPP_HOST,
        port: e.SMPP_PORT,
        systemId: e.SMPP_SYSTEM_ID,
        password: e.SMPP_PASSWORD,
        sourceAddr: e.SMPP_SOURCE_ADDR,
      }),
      inboundToken: e.SMS_INBOUND_TOKEN,
      jobPollMs: e.JOB_POLL_MS,
      inboundSmtpPort: e.INBOUND_SMTP_PORT,
    }),
    version: APP_VERSION,
  });
}
