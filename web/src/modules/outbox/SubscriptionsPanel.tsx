import { SMS_SUBSCRIPTION_CATEGORIES, type SmsSubscriptions } from '@switchboard/shared';
import { Alert, Button, Checkbox, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { apiJson } from '../../api/client.ts';
import { useFail } from './OutboxPage.tsx';
import { useSubscriptionMessages } from './subscription-messages.ts';

const path = (phone: string) => `/api/outbox/subscriptions/${encodeURIComponent(phone.trim())}`;

/** 短信定制 (MSG-2): an agent looks up a number and sets its categories or its opt-out. */
export function SubscriptionsPanel() {
  const t = useSubscriptionMessages();
  const fail = useFail();
  const [phone, setPhone] = useState('');
  const [subs, setSubs] = useState<SmsSubscriptions | null>(null);
  const [saved, setSaved] = useState(false);

  const lookup = () => {
    setSaved(false);
    apiJson<SmsSubscriptions>(path(phone)).then(setSubs, fail);
  };
  const save = () => {
    if (!subs) return;
    apiJson<SmsSubscriptions>(path(subs.phone), {
      method: 'PUT',
      body: { optedOut: subs.optedOut, categories: subs.optedOut ? {} : subs.categories },
    }).then((next) => {
      setSubs(next);
      setSaved(true);
    }, fail);
  };

  return (
    <section data-testid="sms-subscriptions">
      <Typography.Paragraph type="secondary">{t('sub.hint')}</Typography.Paragraph>
      <Space.Compact style={{ marginBottom: 12 }}>
        <Input
          placeholder={t('sub.phone')}
          value={phone}
          maxLength={20}
          onChange={(e) => setPhone(e.target.value)}
          onPressEnter={lookup}
          data-testid="sms-subscriptions-phone"
        />
        <Button onClick={lookup} data-testid="sms-subscriptions-lookup">
          {t('sub.lookup')}
        </Button>
      </Space.Compact>
      {subs && (
        <Space direction="vertical">
          {subs.optedOut && <Alert type="warning" showIcon message={t('sub.optedOut')} />}
          <Space>
            {SMS_SUBSCRIPTION_CATEGORIES.map((c) => (
              <Checkbox
                key={c}
                checked={subs.categories[c]}
                data-testid={`sms-subscription-${c}`}
                onChange={(e) =>
                  setSubs({
                    ...subs,
                    optedOut: false,
                    categories: { ...subs.categories, [c]: e.target.checked },
                  })
                }
              >
                {t(`sub.category.${c}`)}
              </Checkbox>
            ))}
            <Checkbox
              checked={subs.optedOut}
              data-testid="sms-subscription-opt-out"
              onChange={(e) => setSubs({ ...subs, optedOut: e.target.checked })}
            >
              {t('sub.optOut')}
            </Checkbox>
          </Space>
          {subs.updatedAt && (
            <Typography.Text type="secondary">
              {t('sub.updatedAt')}：{new Date(subs.updatedAt).toLocaleString()}
            </Typography.Text>
          )}
          <Space>
            <Button type="primary" onClick={save} data-testid="sms-subscriptions-save">
              {t('sub.save')}
            </Button>
            {saved && <Typography.Text type="success">{t('sub.saved')}</Typography.Text>}
          </Space>
        </Space>
      )}
    </section>
  );
}
