import { describe, expect, it } from 'vitest';
import { outcomesByAgent } from './transfer-outcomes.ts';

// 转IVR by agent (CTI-10): hand-computed from six sessions of the demo survey.
describe('sessions agents sent into a flow, by outcome', () => {
  const served = new Set(['rated_satisfied', 'rated_neutral', 'rated_unsatisfied']);
  const rated = (node: string) => ['survey_intro', 'survey_rate', node, 'survey_goodbye'];

  it('counts each agent’s sessions by the rating reached, else by how the session ended', () => {
    const rows = outcomesByAgent(
      [
        { staffId: 7, path: rated('rated_satisfied'), exitClass: 'self_served' },
        { staffId: 7, path: rated('rated_satisfied'), exitClass: 'self_served' },
        { staffId: 7, path: ['survey_intro'], exitClass: 'abandoned_ivr' },
        { staffId: 3, path: rated('rated_unsatisfied'), exitClass: 'self_served' },
        { staffId: 3, path: ['survey_intro', 'survey_rate'], exitClass: 'transferred_agent' },
        { staffId: 9, path: [], exitClass: null },
      ],
      served,
    );
    expect(rows).toEqual([
      { staffId: 7, sessions: 3, outcomes: { rated_satisfied: 2, abandoned_ivr: 1 } },
      { staffId: 3, sessions: 2, outcomes: { rated_unsatisfied: 1, transferred_agent: 1 } },
      { staffId: 9, sessions: 1, outcomes: { unfinished: 1 } },
    ]);
  });

  it('takes the last self-service node when a caller went round twice', () => {
    const [row] = outcomesByAgent(
      [
        {
          staffId: 1,
          path: ['survey_rate', 'rated_neutral', 'survey_rate', 'rated_satisfied'],
          exitClass: 'self_served',
        },
      ],
      served,
    );
    expect(row?.outcomes).toEqual({ rated_satisfied: 1 });
  });
});
