import { z } from 'zod';

const HOUR_MS = 3_600_000;

const lognormalSchema = z.object({
  /** Half of the draws are shorter than this. */
  medianMs: z
    .number()
    .positive()
    .max(24 * HOUR_MS),
  /** Spread of the logarithm; 0 makes every draw exactly the median. */
  sigma: z.number().min(0).max(3),
});

const dtmf = z.string().regex(/^[0-9*#A-D]{1,20}$/, 'DTMF digits are 0-9 * # A-D');
const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?\d{3,20}$/, 'not a phone number');
const share = z.number().min(0).max(1);

/**
 * What a caller on one access code does in its IVR: one script drawn by weight. Step times count
 * from the previous step (the first from the switch's answer); an empty script presses nothing.
 */
const ivrScriptSchema = z.object({
  /** For the reader and the placed call's view, e.g. 'bill'. */
  name: z.string().trim().min(1).max(40),
  /** Relative to the other scripts of the access code. */
  weight: z.number().min(0).max(1_000_000),
  /** Callers of this script dial from one of these (say, numbers with a service password). */
  callerNumbers: z.array(phoneNumber).min(1).max(1000).optional(),
  steps: z
    .array(
      z.object({
        afterMs: z
          .number()
          .int()
          .min(0)
          .max(10 * 60_000),
        digits: dtmf,
      }),
    )
    .max(20),
});

/**
 * All busy (ACD-6, VM-1): a caller whose patience runs out while waiting (its IVR steps done)
 * presses 1 (call me back) or 2 (leave a voice message) instead of hanging up, with these shares.
 */
const allBusySchema = z
  .object({
    callbackShare: share,
    voicemailShare: share,
    /** How long a voicemail caller speaks, counted from pressing 2 (the prompt included). */
    message: lognormalSchema,
    /** Share of voicemail callers who end with #; the others just hang up. */
    hashShare: share,
    /** When the number of a caller who asked for a callback is dialled: answer, busy, or else no answer. */
    callbackAnswerShare: share,
    callbackBusyShare: share,
    /** It rings this long (uniform, ms) before the callee answers; then they talk for a `talkTime`. */
    callbackAnswerAfterMs: z.object({
      min: z.number().int().min(0).max(60_000),
      max: z.number().int().min(0).max(60_000),
    }),
  })
  .refine((b) => b.callbackShare + b.voicemailShare <= 1, 'callback and voicemail shares exceed 1')
  .refine((b) => b.callbackAnswerShare + b.callbackBusyShare <= 1, 'answer and busy shares exceed 1')
  .refine((b) => b.callbackAnswerAfterMs.min <= b.callbackAnswerAfterMs.max, 'min above max');

/** How the simulated customers behave: what the traffic generator draws each call from. */
export const trafficProfileSchema = z
  .object({
    /** The same seed (and the same switch behaviour) gives the same calls, at the same times. */
    seed: z.number().int(),
    /** Poisson arrivals, independently per access code (特服号). */
    accessCodes: z
      .array(
        z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{3,20}$/, 'an access code is 3 to 20 digits'),
          callsPerHour: z.number().min(0).max(100_000),
          /** When set, this code's callers follow one of these scripts instead of `ivrDigits`. */
          ivrScripts: z
            .array(ivrScriptSchema)
            .min(1)
            .max(20)
            .refine((scripts) => scripts.some((s) => s.weight > 0), 'no script has a weight')
            .optional(),
        }),
      )
      .max(50)
      .refine((codes) => new Set(codes.map((c) => c.code)).size === codes.length, 'access codes repeat'),
    /** Share of callers drawn from `vipNumbers`; the others get random mobile numbers (13x…). */
    vipShare: z.number().min(0).max(1),
    vipNumbers: z.array(phoneNumber).max(1000),
    /** How long a caller waits for an agent before hanging up (abandoning). */
    patience: lognormalSchema,
    /** How long a caller talks once an agent has answered. */
    talkTime: lognormalSchema,
    /** After the switch answers, with this probability the caller presses one of these strings (~1.5 s later). */
    ivrDigits: z.object({ probability: share, digits: z.array(dtmf).min(1) }).optional(),
    allBusy: allBusySchema.optional(),
  })
  .refine((profile) => profile.vipShare === 0 || profile.vipNumbers.length > 0, {
    message: 'a VIP share needs VIP numbers to draw from',
    path: ['vipNumbers'],
  });

export type TrafficProfile = z.infer<typeof trafficProfileSchema>;

/**
 * Demo customers (customers.seed.ts) whose service password (IVR-2) the demo seed sets to
 * DEMO_SERVICE_PASSWORD, so their bill queries on 1000 succeed in the running demo.
 */
export const DEMO_SERVICE_PASSWORD = '135790';
export const DEMO_SELF_SERVICE_NUMBERS = [
  '13910039595',
  '13910047514',
  '13910055433',
  '13910063352',
  '13910071271',
] as const;

// The demo flow of 1000 (server/src/ivr/demo-flow.ts) with the sim's 2 s prompts: the welcome
// ignores every key but 0 (a human), the main menu prompt plays from 2 s to 4 s after the answer.
const DEMO_IVR_SCRIPTS: NonNullable<TrafficProfile['accessCodes'][number]['ivrScripts']> = [
  { name: 'human', weight: 45, steps: [{ afterMs: 1500, digits: '0' }] },
  { name: 'fault', weight: 12, steps: [{ afterMs: 3000, digits: '2' }] },
  { name: 'complaint', weight: 6, steps: [{ afterMs: 3000, digits: '3' }] },
  {
    name: 'bill',
    weight: 16,
    callerNumbers: [...DEMO_SELF_SERVICE_NUMBERS],
    steps: [
      { afterMs: 3000, digits: '1' },
      { afterMs: 3500, digits: DEMO_SERVICE_PASSWORD },
    ],
  },
  {
    // A wrong password, the "wrong password" prompt and the password prompt again, then the right one.
    name: 'bill_wrong_password',
    weight: 4,
    callerNumbers: [...DEMO_SELF_SERVICE_NUMBERS],
    steps: [
      { afterMs: 3000, digits: '1' },
      { afterMs: 3500, digits: '111111' },
      { afterMs: 5500, digits: DEMO_SERVICE_PASSWORD },
    ],
  },
  {
    name: 'tariffs',
    weight: 7,
    steps: [
      { afterMs: 3000, digits: '4' },
      { afterMs: 3000, digits: '1' },
    ],
  },
  { name: 'silent', weight: 10, steps: [] },
];

/** The demo start: a gentle load so the desktop is alive (about 100 calls an hour in all). */
export const DEMO_PROFILE: TrafficProfile = {
  seed: 20260105,
  accessCodes: [
    // Calls on 1000 meet the demo IVR (IVR-1); the other codes queue at once and press nothing.
    { code: '1000', callsPerHour: 40, ivrScripts: DEMO_IVR_SCRIPTS },
    { code: '10000', callsPerHour: 30 },
    { code: '112', callsPerHour: 20 },
    { code: '10001', callsPerHour: 10 },
  ],
  vipShare: 0.1,
  vipNumbers: ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005'],
  patience: { medianMs: 90_000, sigma: 0.6 },
  talkTime: { medianMs: 180_000, sigma: 0.7 },
  // Of the callers who would give up waiting, 15% ask for a callback, 10% leave a voice message.
  allBusy: {
    callbackShare: 0.15,
    voicemailShare: 0.1,
    message: { medianMs: 20_000, sigma: 0.4 },
    hashShare: 0.7,
    callbackAnswerShare: 0.75,
    callbackBusyShare: 0.1,
    callbackAnswerAfterMs: { min: 3000, max: 12_000 },
  },
};
