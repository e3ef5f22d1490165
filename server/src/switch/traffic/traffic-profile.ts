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
        }),
      )
      .max(50)
      .refine((codes) => new Set(codes.map((c) => c.code)).size === codes.length, 'access codes repeat'),
    /** Share of callers drawn from `vipNumbers`; the others get random mobile numbers (13x…). */
    vipShare: z.number().min(0).max(1),
    vipNumbers: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\+?\d{3,20}$/, 'not a phone number'),
      )
      .max(1000),
    /** How long a caller waits for an agent before hanging up (abandoning). */
    patience: lognormalSchema,
    /** How long a caller talks once an agent has answered. */
    talkTime: lognormalSchema,
    /** After the switch answers, with this probability the caller presses one of these strings (~1.5 s later). */
    ivrDigits: z
      .object({
        probability: z.number().min(0).max(1),
        digits: z.array(z.string().regex(/^[0-9*#A-D]{1,20}$/, 'DTMF digits are 0-9 * # A-D')).min(1),
      })
      .optional(),
  })
  .refine((profile) => profile.vipShare === 0 || profile.vipNumbers.length > 0, {
    message: 'a VIP share needs VIP numbers to draw from',
    path: ['vipNumbers'],
  });

export type TrafficProfile = z.infer<typeof trafficProfileSchema>;

/** The demo start: a gentle load so the desktop is alive (about 100 calls an hour in all). */
export const DEMO_PROFILE: TrafficProfile = {
  seed: 20260105,
  accessCodes: [
    { code: '1000', callsPerHour: 40 },
    { code: '10000', callsPerHour: 30 },
    { code: '112', callsPerHour: 20 },
    { code: '10001', callsPerHour: 10 },
  ],
  vipShare: 0.1,
  vipNumbers: ['13900000001', '13900000002', '13900000003', '13900000004', '13900000005'],
  patience: { medianMs: 90_000, sigma: 0.6 },
  talkTime: { medianMs: 180_000, sigma: 0.7 },
  // Calls on 1000 meet the demo IVR (IVR-1): most press 0 for a human at once, some choose 故障申告
  // (2) or 投诉 (3), the rest hear the menu out and are let go. Other codes ignore the digits.
  ivrDigits: { probability: 0.9, digits: ['0', '0', '0', '0', '0', '2', '3'] },
};
