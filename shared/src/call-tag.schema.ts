import { z } from 'zod';
import { codeText, idSchema, pageQuerySchema, text } from './text.ts';

// Call purpose tagging (话务标识, CTI-19) and the fault pre-alarm (故障预报警, SUP-12).
// The tag tree has two levels: purposes (咨询, 报修 …) and their sub-types (已派工单 …).

/** The sub-type whose calls count towards the fault pre-alarm (报修 / 已派工单). */
export const FAULT_DISPATCHED_CODE = 'REPAIR_DISPATCHED';

export const CALL_TAG_LIMITS = { name: 30, note: 500 } as const;

export const callTagTypeSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  /** Calls tagged with it (with it as purpose or sub-type): a used type can only be deactivated. */
  usedBy: z.number().int(),
});
export type CallTagType = z.infer<typeof callTagTypeSchema>;

export const callTagPurposeSchema = callTagTypeSchema.extend({ children: z.array(callTagTypeSchema) });
export type CallTagPurpose = z.infer<typeof callTagPurposeSchema>;

export const callTagTreeSchema = z.object({ items: z.array(callTagPurposeSchema) });
export type CallTagTree = z.infer<typeof callTagTreeSchema>;

export const callTagTreeQuerySchema = z.object({
  /** Include deactivated types (administration). */
  all: z.enum(['true', 'false']).default('false'),
});

export const callTagTypeInputSchema = z.strictObject({
  /** null: a purpose (first level); else the purpose this sub-type belongs to. */
  parentId: idSchema.nullable().default(null),
  code: codeText,
  name: text(CALL_TAG_LIMITS.name),
});
export type CallTagTypeInput = z.infer<typeof callTagTypeInputSchema>;

export const callTagTypeUpdateSchema = z.strictObject({
  name: text(CALL_TAG_LIMITS.name).optional(),
  active: z.boolean().optional(),
});
export type CallTagTypeUpdate = z.infer<typeof callTagTypeUpdateSchema>;

export const callTagMoveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });

export const callTagInputSchema = z.strictObject({
  purposeId: idSchema,
  /** Required when the purpose has active sub-types. */
  subtypeId: idSchema.nullable().default(null),
  areaId: idSchema.nullable().default(null),
  note: text(CALL_TAG_LIMITS.note).nullable().default(null),
});
export type CallTagInput = z.infer<typeof callTagInputSchema>;

export const callTagSchema = z.object({
  callId: z.string(),
  purposeId: z.number().int(),
  purposeName: z.string(),
  subtypeId: z.number().int().nullable(),
  subtypeName: z.string().nullable(),
  areaId: z.number().int().nullable(),
  areaName: z.string().nullable(),
  note: z.string().nullable(),
  taggedBy: z.number().int(),
  taggedByName: z.string(),
  taggedAt: z.string(),
});
export type CallTag = z.infer<typeof callTagSchema>;

export const callTagOfCallSchema = z.object({
  tag: callTagSchema.nullable(),
  /** The caller's area when the customer record knows it (prefills the picker). */
  suggestedAreaId: z.number().int().nullable(),
  /** Whether the caller may still (re)tag this call. */
  editable: z.boolean(),
});
export type CallTagOfCall = z.infer<typeof callTagOfCallSchema>;

export const callTagBatchQuerySchema = z.object({
  callIds: z
    .string()
    .max(4000)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(64)).max(200)),
});
export const callTagBatchSchema = z.object({ items: z.array(callTagSchema) });

export const faultAlarmThresholdsSchema = z
  .strictObject({
    level3: z.number().int().min(1).max(10_000),
    level2: z.number().int().min(1).max(10_000),
    level1: z.number().int().min(1).max(10_000),
  })
  .refine((t) => t.level3 < t.level2 && t.level2 < t.level1, {
    message: 'thresholds_order',
    path: ['level2'],
  });
export type FaultAlarmThresholds = z.infer<typeof faultAlarmThresholdsSchema>;

export const DEFAULT_FAULT_ALARM_THRESHOLDS: FaultAlarmThresholds = { level3: 5, level2: 10, level1: 20 };

export const callTagSettingsSchema = z.strictObject({
  /** 整理完成 is refused until the call is tagged. */
  tagRequired: z.boolean(),
  /** Minutes after wrap-up in which the agent may still change the tag. */
  graceMinutes: z.number().int().min(0).max(1440),
  thresholds: faultAlarmThresholdsSchema,
});
export type CallTagSettings = z.infer<typeof callTagSettingsSchema>;

export const DEFAULT_CALL_TAG_SETTINGS: CallTagSettings = {
  tagRequired: false,
  graceMinutes: 10,
  thresholds: DEFAULT_FAULT_ALARM_THRESHOLDS,
};

/** 1 is the most severe (一级). */
export const FAULT_ALARM_LEVELS = [1, 2, 3] as const;
export type FaultAlarmLevel = (typeof FAULT_ALARM_LEVELS)[number];

export const FAULT_ALARM_EVENT_KINDS = [
  'raised',
  'escalated',
  'de_escalated',
  'cleared',
  'acknowledged',
] as const;
export type FaultAlarmEventKind = (typeof FAULT_ALARM_EVENT_KINDS)[number];

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const faultAlarmSchema = z.object({
  areaId: z.number().int(),
  areaName: z.string(),
  level,
  count: z.number().int(),
  raisedAt: z.string(),
  levelSince: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type FaultAlarm = z.infer<typeof faultAlarmSchema>;

export const activeFaultAlarmsSchema = z.object({ items: z.array(faultAlarmSchema) });
export type ActiveFaultAlarms = z.infer<typeof activeFaultAlarmsSchema>;

export const faultAlarmEventSchema = z.object({
  id: z.number().int(),
  areaId: z.number().int(),
  areaName: z.string(),
  kind: z.enum(FAULT_ALARM_EVENT_KINDS),
  fromLevel: level.nullable(),
  toLevel: level.nullable(),
  count: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
});
export type FaultAlarmEvent = z.infer<typeof faultAlarmEventSchema>;

export const faultAlarmEventQuerySchema = pageQuerySchema.extend({
  areaId: z.coerce.number().int().min(1).optional(),
});

export const areaIdParamSchema = z.object({ areaId: z.coerce.number().int().min(1).max(2_147_483_647) });
export const callIdParamSchema = z.object({ callId: z.string().min(1).max(64) });
