import { defineErrors } from '../../http/app-error.ts';

// An agent asking for a call or a colleague's history they may not see gets the same 404 as for one
// that does not exist: whether it exists is itself not theirs to learn.
export const CALL_RECORDS_ERRORS = defineErrors({
  CDR_NOT_FOUND: {
    status: 404,
    message: { 'zh-CN': '通话记录不存在', 'en-US': 'No such call record' },
  },
  RECORDING_NOT_FOUND: {
    status: 404,
    message: { 'zh-CN': '录音不存在或尚未生成', 'en-US': 'No such recording, or it is not ready yet' },
  },
  STATE_HISTORY_NOT_FOUND: {
    status: 404,
    message: { 'zh-CN': '没有该坐席的状态记录', 'en-US': 'No state history for this agent' },
  },
});
