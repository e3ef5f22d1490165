import { defineErrors } from '../../http/app-error.ts';

export const OUTBOX_ERRORS = defineErrors({
  NOT_FAILED: {
    status: 409,
    message: { 'zh-CN': '只有发送失败的消息可以重发', 'en-US': 'Only a failed message can be retried' },
  },
  CAMPAIGN_DECIDED: {
    status: 409,
    message: { 'zh-CN': '该群发已审核过', 'en-US': 'This bulk SMS has already been approved or rejected' },
  },
  OWN_CAMPAIGN: {
    status: 403,
    message: {
      'zh-CN': '不能审核自己起草的群发短信',
      'en-US': 'You cannot approve or reject a bulk SMS you drafted',
    },
  },
  NO_RECIPIENTS: {
    status: 400,
    message: { 'zh-CN': '没有符合条件的接收号码', 'en-US': 'No phone number matches this audience' },
  },
  INBOUND_WEBHOOK_OFF: {
    status: 404,
    message: { 'zh-CN': '短信上行接口未开启', 'en-US': 'The inbound SMS webhook is not enabled' },
  },
  BAD_TOKEN: {
    status: 401,
    message: { 'zh-CN': '接口令牌无效', 'en-US': 'The webhook token is invalid' },
  },
});
