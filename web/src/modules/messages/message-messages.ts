import type { Locale } from '@switchboard/shared';
import { useLocalMessages } from '../../i18n/local-messages.ts';

// Strings of 站内消息 (agent-to-agent messages, help requests) and their notifications.
const zhCN = {
  'msg.tab.inbox': '收件箱',
  'msg.tab.sent': '已发送',
  'msg.tab.help': '求助',
  'msg.compose': '写消息',
  'msg.to': '收件人',
  'msg.toPlaceholder': '选择同事（可多选）',
  'msg.body': '内容',
  'msg.send': '发送',
  'msg.sent': '已发送',
  'msg.from': '发件人',
  'msg.recipient': '收件人',
  'msg.time': '时间',
  'msg.unread': '未读',
  'msg.read': '已读',
  'msg.markRead': '标为已读',
  'msg.required': '必填',
  'msg.notify.title': '{name}（{no}）的消息',
  'msg.help.ask': '向班长求助',
  'msg.help.body': '求助内容',
  'msg.help.callId': '通话编号（可选）',
  'msg.help.send': '发送求助',
  'msg.help.sent': '求助已发出，等待班长响应',
  'msg.help.from': '求助人',
  'msg.help.state': '状态',
  'msg.help.open': '待响应',
  'msg.help.takenBy': '{name} 已响应',
  'msg.help.respond': '响应',
  'msg.help.notifyTitle': '{name}（{no}）请求协助',
  'msg.help.notifyTaken': '{name} 已响应你的求助',
  'msg.empty': '暂无消息',
};

type MessageKey = keyof typeof zhCN;

const enUS: Record<MessageKey, string> = {
  'msg.tab.inbox': 'Inbox',
  'msg.tab.sent': 'Sent',
  'msg.tab.help': 'Help requests',
  'msg.compose': 'New message',
  'msg.to': 'To',
  'msg.toPlaceholder': 'Choose colleagues (several allowed)',
  'msg.body': 'Message',
  'msg.send': 'Send',
  'msg.sent': 'Sent',
  'msg.from': 'From',
  'msg.recipient': 'To',
  'msg.time': 'Time',
  'msg.unread': 'Unread',
  'msg.read': 'Read',
  'msg.markRead': 'Mark read',
  'msg.required': 'Required',
  'msg.notify.title': 'Message from {name} ({no})',
  'msg.help.ask': 'Ask the team lead for help',
  'msg.help.body': 'What do you need?',
  'msg.help.callId': 'Call id (optional)',
  'msg.help.send': 'Ask for help',
  'msg.help.sent': 'Help request sent; waiting for a lead',
  'msg.help.from': 'From',
  'msg.help.state': 'State',
  'msg.help.open': 'Waiting',
  'msg.help.takenBy': 'Taken by {name}',
  'msg.help.respond': 'Respond',
  'msg.help.notifyTitle': '{name} ({no}) asks for help',
  'msg.help.notifyTaken': '{name} is coming to help you',
  'msg.empty': 'No messages',
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export const useMessageMessages = () => useLocalMessages(MESSAGES);
