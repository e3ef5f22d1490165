import { extensionText, idSchema, phoneText } from '@switchboard/shared';
import { z } from 'zod';
import { AGENT_SELECTABLE_REASONS } from './agent-state/index.ts';

// Request bodies of the CTI commands. Every call command may name the call it means: acting on a
// call that is not the agent's own is refused with 403.
const callRef = { callId: z.string().max(64).optional() };

export const signInSchema = z.strictObject({
  extension: extensionText.optional(),
  skills: z
    .array(z.strictObject({ skillGroupId: idSchema, level: z.number().int().min(1).max(5) }))
    .max(50)
    .optional(),
  ready: z.boolean().optional(),
});

export const notReadySchema = z.strictObject({ reason: z.enum(AGENT_SELECTABLE_REASONS) });
export const callCommandSchema = z.strictObject(callRef);
export const muteSchema = z.strictObject({ ...callRef, muted: z.boolean() });

export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agent'), agentId: idSchema }),
  z.strictObject({ kind: z.literal('queue'), queueId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('number'), number: phoneText }),
  z.strictObject({ kind: z.literal('ivr'), flowId: idSchema }),
]);
export const transferSchema = z.strictObject({ ...callRef, target: targetSchema });
export const consultSchema = z.strictObject({
  ...callRef,
  target: targetSchema,
  purpose: z.enum(['consult', 'help']).default('consult'),
  threeParty: z.boolean().default(false),
});
export const dialSchema = z.strictObject({
  target: z.union([z.strictObject({ number: phoneText }), z.strictObject({ agentId: idSchema })]),
});
export const recordingSchema = z.strictObject({ ...callRef, action: z.enum(['start', 'pause', 'resume']) });
export const skillsSchema = z.strictObject({
  skills: z.array(z.strictObject({ skillGroupId: idSchema, level: z.number().int().min(1).max(5) })).max(50),
});
export const autoAnswerSchema = z.strictObject({ on: z.boolean() });
export const forwardingSchema = z.strictObject({ forwardTo: phoneText.nullable() });

export const agentIdParamSchema = z.object({ agentId: z.coerce.number().int().min(1).max(2_147_483_647) });
export const monitorSchema = z.strictObject({ mode: z.enum(['listen', 'whisper', 'barge']) });
export const forceStateSchema = z.strictObject({
  state: z.enum(['force_ready', 'force_not_ready', 'force_pause', 'force_sign_out']),
});
export const recordAgentSchema = z.strictObject({ on: z.boolean() });

export const agentStatusSchema = z.object({
  id: z.number(),
  employeeNo: z.string(),
  state: z.string(),
  since: z.date(),
  notReadyReason: z.string().nullable(),
  callId: z.string().nullable(),
  extension: z.string().nullable(),
  autoAnswer: z.boolean(),
  forwardTo: z.string().nullable(),
  skills: z.array(z.object({ skillGroupId: z.number(), level: z.number() })),
  wrapUpDeadline: z.date().nullable(),
});
