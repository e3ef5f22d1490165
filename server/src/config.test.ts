import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('works offline with no settings at all: port 3000, PGlite in ./data, demo seeded', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, seedDemo: true });
    expect(config.session).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/cc',
      SESSION_IDLE_MINUTES: '15',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u@db:5432/cc',
      seedDemo: false,
      logLevel: 'debug',
    });
    expect(config.session.idleMs).toBe(15 * 60_000);
  });

  it('stops start-up with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL: must start with postgres:\/\//);
    }
  });

  it('sends SMS and e-mail to the built-in sink unless a gateway is configured (MSG-4)', () => {
    expect(loadConfig({}).messaging).toMatchObject({
      smsAdapter: 'sink',
      emailAdapter: 'sink',
      jobPollMs: 1000,
    });
    const config = loadConfig({
      SMS_ADAPTER: 'smpp',
      SMPP_HOST: 'smsc.example',
      SMPP_SYSTEM_ID: 'cc',
      EMAIL_ADAPTER: 'smtp',
      SMTP_PORT: '587',
      JOB_POLL_MS: '250',
    });
    expect(config.messaging.smpp).toMatchObject({ host: 'smsc.example', systemId: 'cc', port: 2775 });
    expect(config.messaging).toMatchObject({ smsAdapter: 'smpp', emailAdapter: 'smtp', jobPollMs: 250 });
    expect(config.messaging.smtp.port).toBe(587);
    expect(() => loadConfig({ SMS_ADAPTER: 'pigeon' })).toThrow(/SMS_ADAPTER/);
  });
});
