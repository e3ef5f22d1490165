import type { Locale } from '@switchboard/shared';
import { useLocalMessages } from '../../i18n/local-messages.ts';

// Strings of 短信定制 (MSG-2 subscriptions and opt-out), a tab of 短信与邮件.
const zhCN = {
  'sub.tab': '短信定制',
  'sub.phone': '手机号码',
  'sub.lookup': '查询',
  'sub.save': '保存',
  'sub.saved': '已保存',
  'sub.optedOut': '已退订全部群发短信',
  'sub.optOut': '退订全部群发',
  'sub.category.activity': '活动通知',
  'sub.category.news': '新闻',
  'sub.category.billing': '账单提醒',
  'sub.updatedAt': '最后变更',
  'sub.hint': '客户回复“TD”或“退订”会自动退订并收到确认短信；活动通知与新闻只发给已订阅的号码。',
} as const;

type SubscriptionMessageKey = keyof typeof zhCN;

const enUS: Record<SubscriptionMessageKey, string> = {
  'sub.tab': 'Subscriptions',
  'sub.phone': 'Mobile number',
  'sub.lookup': 'Look up',
  'sub.save': 'Save',
  'sub.saved': 'Saved',
  'sub.optedOut': 'Opted out of all bulk SMS',
  'sub.optOut': 'Opt out of all bulk SMS',
  'sub.category.activity': 'Activity notices',
  'sub.category.news': 'News',
  'sub.category.billing': 'Bill reminders',
  'sub.updatedAt': 'Last change',
  'sub.hint':
    'A reply "TD" or "退订" opts the number out and confirms by SMS; activity and news SMS go only to subscribed numbers.',
};

const MESSAGES: Record<Locale, Record<SubscriptionMessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export const useSubscriptionMessages = () => useLocalMessages(MESSAGES);
