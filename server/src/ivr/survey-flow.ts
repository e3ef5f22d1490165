import { type IvrFlowDefinition, ivrFlowDefinitionSchema } from '@switchboard/shared';

// The demo's satisfaction survey (满意度调查), reached only by an agent's transfer to IVR (CTI-10,
// no access code): the caller rates the call 1 满意 / 2 基本满意 / 3 不满意 and hears thanks. Each
// rating is a node of its own, so the IVR analytics count them (IVR-6); 0 reaches a human again.
export const SURVEY_FLOW: IvrFlowDefinition = ivrFlowDefinitionSchema.parse({
  start: 'survey_intro',
  humanKey: '0', // back to a human at any step, as in every flow (ACD-7)
  humanTarget: { kind: 'queue', queueCode: 'GENERAL' },
  nodes: [
    { id: 'survey_intro', name: '调查说明', type: 'play', prompt: 'survey/intro', next: 'survey_rate' },
    {
      id: 'survey_rate',
      name: '请评价',
      type: 'menu',
      service: 'survey',
      prompt: 'survey/rate',
      options: [
        { digit: '1', label: '满意', next: 'rated_satisfied' },
        { digit: '2', label: '基本满意', next: 'rated_neutral' },
        { digit: '3', label: '不满意', next: 'rated_unsatisfied' },
      ],
      onTimeout: 'survey_goodbye',
      onInvalid: 'survey_goodbye',
    },
    {
      id: 'rated_satisfied',
      name: '满意',
      type: 'play',
      prompt: 'survey/thanks',
      served: true,
      next: 'survey_goodbye',
    },
    {
      id: 'rated_neutral',
      name: '基本满意',
      type: 'play',
      prompt: 'survey/thanks',
      served: true,
      next: 'survey_goodbye',
    },
    {
      id: 'rated_unsatisfied',
      name: '不满意',
      type: 'play',
      prompt: 'survey/thanks',
      served: true,
      next: 'survey_goodbye',
    },
    { id: 'survey_goodbye', name: '结束语', type: 'hangup', prompt: 'ivr/goodbye' },
  ],
});
