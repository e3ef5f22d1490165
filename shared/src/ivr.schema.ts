import { z } from 'zod';

// IVR flows as data (IVR-1, IVR-4). A flow is a set of nodes joined by exits (node ids). Node
// `type`s fall into the four kinds of the reference site (seed 002): function (功能节点: play,
// set data, query a business system), connection (连接节点: menu, collect digits, branch),
// readout (报读节点: read a figure out) and function-connection (功能连接节点: a function whose
// result picks the exit, e.g. verifying the service password); plus the terminal nodes transfer,
// voicemail and hang up.

export const IVR_NODE_KINDS = [
  'function',
  'connection',
  'readout',
  'function_connection',
  'terminal',
] as const;
export type IvrNodeKind = (typeof IVR_NODE_KINDS)[number];

const nodeId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
/** An exit: the id of the next node ('' is an unset exit and fails validation). */
const exit = z.string().max(40);
const prompt = z.string().trim().max(200);
const digit = z.string().regex(/^[0-9*#]$/);

export const ivrTransferTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('queue'), queueCode: z.string().max(40) }),
  z.strictObject({ kind: z.literal('agent'), employeeNo: z.string().max(40) }),
  z.strictObject({ kind: z.literal('number'), number: z.string().max(30) }),
]);
export type IvrTransferTarget = z.infer<typeof ivrTransferTargetSchema>;

const base = {
  id: nodeId,
  name: z.string().trim().max(60).default(''),
  /** The service a caller is counted in once this node is reached (IVR-6), e.g. 'bill'. */
  service: z.string().max(40).optional(),
  /** Reaching this node counts the call as self-served (IVR-5), e.g. after the bill is read out. */
  served: z.boolean().optional(),
};

export const ivrNodeSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('play'), prompt, next: exit }),
  z.strictObject({
    ...base,
    type: z.literal('set_data'),
    key: z.string().min(1).max(40),
    value: z.string().max(200),
    next: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('query'),
    /** The business system asked, e.g. 'bill' (bill amount of the caller's number). */
    system: z.string().min(1).max(40),
    /** Variables the query result is stored under, prefixed with this key and '.'. */
    resultKey: z.string().min(1).max(40),
    next: exit,
    onError: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('menu'),
    prompt,
    options: z.array(z.strictObject({ digit, label: z.string().max(60).default(''), next: exit })).max(12),
    timeoutMs: z.number().int().min(1000).max(60000).default(5000),
    /** Further tries after a timeout or a wrong key, each with the error prompt. */
    retries: z.number().int().min(0).max(5).default(2),
    errorPrompt: prompt.default('ivr/invalid'),
    onTimeout: exit,
    onInvalid: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('collect'),
    prompt,
    minDigits: z.number().int().min(1).max(32),
    maxDigits: z.number().int().min(1).max(32),
    /** Ends input early; not stored. */
    terminator: digit.optional(),
    timeoutMs: z.number().int().min(1000).max(60000).default(5000),
    storeAs: z.string().min(1).max(40),
    /** Key presses are logged as '*' (the service password). */
    secret: z.boolean().default(false),
    next: exit,
    onTimeout: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('branch'),
    conditions: z
      .array(
        z.strictObject({
          key: z.string().min(1).max(40),
          op: z.enum(['eq', 'ne', 'gt', 'lt', 'set']),
          value: z.string().max(200).default(''),
          next: exit,
        }),
      )
      .max(12),
    otherwise: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('readout'),
    /** Played before the figure, e.g. 'bill/your_amount_is'. */
    prompt,
    valueKey: z.string().min(1).max(40),
    format: z.enum(['amount', 'number', 'digits']),
    next: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('verify_password'),
    /** The variable holding the 6 digits collected. */
    digitsKey: z.string().min(1).max(40),
    onOk: exit,
    onFail: exit,
    onLocked: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('set_password'),
    digitsKey: z.string().min(1).max(40),
    onOk: exit,
    onFail: exit,
  }),
  z.strictObject({
    ...base,
    type: z.literal('transfer'),
    prompt: prompt.default(''),
    target: ivrTransferTargetSchema,
  }),
  z.strictObject({ ...base, type: z.literal('voicemail'), prompt: prompt.default('') }),
  z.strictObject({ ...base, type: z.literal('hangup'), prompt: prompt.default('') }),
]);
export type IvrNode = z.infer<typeof ivrNodeSchema>;
export type IvrNodeType = IvrNode['type'];

export const IVR_NODE_KIND_OF: Record<IvrNodeType, IvrNodeKind> = {
  play: 'function',
  set_data: 'function',
  query: 'function',
  menu: 'connection',
  collect: 'connection',
  branch: 'connection',
  readout: 'readout',
  verify_password: 'function_connection',
  set_password: 'function_connection',
  transfer: 'terminal',
  voicemail: 'terminal',
  hangup: 'terminal',
};

export const ivrFlowDefinitionSchema = z.strictObject({
  start: exit,
  /** ACD-7: pressed at any menu or collect step, the caller goes to a human. */
  humanKey: digit.nullable().default('0'),
  humanTarget: ivrTransferTargetSchema.nullable().default(null),
  nodes: z.array(ivrNodeSchema).max(200),
});
export type IvrFlowDefinition = z.infer<typeof ivrFlowDefinitionSchema>;
export type IvrFlowDefinitionInput = z.input<typeof ivrFlowDefinitionSchema>;

export type IvrValidationProblemCode =
  | 'no_nodes'
  | 'duplicate_id'
  | 'missing_start'
  | 'dangling_exit'
  | 'unset_exit'
  | 'unreachable'
  | 'menu_no_options'
  | 'menu_duplicate_digit'
  | 'menu_digit_is_human_key'
  | 'collect_digit_range'
  | 'empty_target'
  | 'no_human_target';

export const ivrValidationProblemSchema = z.object({
  code: z.string(),
  nodeId: z.string().nullable(),
  field: z.string().nullable(),
  message: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});
export type IvrValidationProblem = z.infer<typeof ivrValidationProblemSchema>;

// --- stored flows and versions ---

export const IVR_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;

export const ivrFlowVersionSchema = z.object({
  id: z.number().int(),
  flowId: z.number().int(),
  version: z.number().int(),
  status: z.enum(IVR_VERSION_STATUSES),
  definition: ivrFlowDefinitionSchema,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type IvrFlowVersion = z.infer<typeof ivrFlowVersionSchema>;

export const ivrFlowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  accessCode: z.string().nullable(),
  publishedVersionId: z.number().int().nullable(),
  publishedVersion: z.number().int().nullable(),
  latestVersion: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type IvrFlow = z.infer<typeof ivrFlowSchema>;

export const ivrFlowInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  accessCode: z
    .string()
    .trim()
    .regex(/^[0-9]{3,8}$/)
    .nullable()
    .default(null),
});

export const ivrValidationResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(ivrValidationProblemSchema),
});
export type IvrValidationResult = z.infer<typeof ivrValidationResultSchema>;

// --- log, exits and analytics (IVR-3, IVR-5, IVR-6) ---

export const IVR_LOG_EVENTS = [
  'node_enter',
  'node_exit',
  'prompt_started',
  'prompt_finished',
  'prompt_interrupted',
  'key_press',
  'digits_collected',
  'branch',
  'timeout',
  'error_prompt',
  'caller_hangup',
  'system_release',
  'transfer',
  'password',
] as const;
export type IvrLogEvent = (typeof IVR_LOG_EVENTS)[number];

export const IVR_EXIT_CLASSES = [
  'self_served',
  'abandoned_ivr',
  'abandoned_queue',
  'transferred_agent',
] as const;
export type IvrExitClass = (typeof IVR_EXIT_CLASSES)[number];

/** Why the caller left a node (IVR-4 end reasons, plus the exit taken by a function node). */
export const IVR_NODE_EXIT_REASONS = [
  'digits_collected',
  'prompt_finished',
  'key_timeout',
  'caller_hangup',
  'error',
  'human_key',
  'done',
] as const;
export type IvrNodeExitReason = (typeof IVR_NODE_EXIT_REASONS)[number];

export const ivrLogRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  nodeId: z.string().nullable(),
  event: z.enum(IVR_LOG_EVENTS),
  detail: z.record(z.string(), z.unknown()),
});
export type IvrLogRow = z.infer<typeof ivrLogRowSchema>;

export const ivrJourneySchema = z.object({
  callId: z.string(),
  flowName: z.string(),
  version: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  exitClass: z.enum(IVR_EXIT_CLASSES).nullable(),
  service: z.string().nullable(),
  path: z.array(z.object({ nodeId: z.string(), name: z.string(), at: z.string() })),
  log: z.array(ivrLogRowSchema),
});
export type IvrJourney = z.infer<typeof ivrJourneySchema>;

export const ivrNodeStatsSchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  type: z.string(),
  visits: z.number(),
  exits: z.record(z.string(), z.number()),
  timeouts: z.number(),
  errors: z.number(),
  abandons: z.number(),
  abandonRate: z.number(),
  meanTimeMs: z.number(),
});
export type IvrNodeStats = z.infer<typeof ivrNodeStatsSchema>;

export const ivrServiceStatsSchema = z.object({
  service: z.string(),
  calls: z.number(),
  selfServed: z.number(),
  transferred: z.number(),
  selfServiceRate: z.number(),
  transferRate: z.number(),
});
export type IvrServiceStats = z.infer<typeof ivrServiceStatsSchema>;

/**
 * The sessions agents sent into a flow (转IVR, CTI-10), per agent, by how each ended: the id of
 * the last self-service node reached (a survey's rating), else the session's exit class.
 */
export const ivrAgentOutcomesSchema = z.object({
  staffId: z.number().int(),
  employeeNo: z.string(),
  name: z.string(),
  sessions: z.number(),
  outcomes: z.record(z.string(), z.number()),
});
export type IvrAgentOutcomes = z.infer<typeof ivrAgentOutcomesSchema>;

export const ivrAnalyticsSchema = z.object({
  calls: z.number(),
  exits: z.record(z.string(), z.number()),
  nodes: z.array(ivrNodeStatsSchema),
  services: z.array(ivrServiceStatsSchema),
  /** Edges between nodes with how many calls took them, for the sankey. */
  links: z.array(z.object({ source: z.string(), target: z.string(), value: z.number() })),
  byAgent: z.array(ivrAgentOutcomesSchema),
});
export type IvrAnalytics = z.infer<typeof ivrAnalyticsSchema>;

export const ivrAnalyticsQuerySchema = z.object({
  flowId: z.coerce.number().int().positive(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
