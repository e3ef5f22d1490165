import { describe, expect, it } from 'vitest';
import { BILL, FAULT, GENERAL, makeQueue } from './acd.factories.ts';
import { queueForAccessCode } from './route-access-code.ts';

const comprehensive = new Set([GENERAL]);
const queues = [
  makeQueue({ id: 'q-bill', skillGroupId: BILL, accessCodes: ['10000'] }),
  makeQueue({ id: 'q-fault', skillGroupId: FAULT, accessCodes: ['112', '10000'] }),
  makeQueue({ id: 'q-general', skillGroupId: GENERAL, accessCodes: ['1000', '114'] }),
];

describe('queueForAccessCode (ACD-1)', () => {
  it('routes a call by the access code it dialled', () => {
    expect(queueForAccessCode('112', queues, comprehensive)?.id).toBe('q-fault');
    expect(queueForAccessCode('114', queues, comprehensive)?.id).toBe('q-general');
    expect(queueForAccessCode(' 112 ', queues, comprehensive)?.id).toBe('q-fault');
  });

  it('sends an unrecognized access code to the comprehensive queue (002 §3.4)', () => {
    expect(queueForAccessCode('12345', queues, comprehensive)?.id).toBe('q-general');
  });

  it('returns null for an unknown code when no comprehensive queue exists', () => {
    expect(queueForAccessCode('12345', queues.slice(0, 2), comprehensive)).toBeNull();
  });

  it('lets the first queue in configuration order win a code two queues list', () => {
    expect(queueForAccessCode('10000', queues, comprehensive)?.id).toBe('q-bill');
  });
});
