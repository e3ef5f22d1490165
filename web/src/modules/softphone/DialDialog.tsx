import { DeleteOutlined, PhoneOutlined, StarOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, List, Modal, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MessageKey, MessageParams } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ColleagueField, type ColleagueRef, resolveColleague } from './colleague-field.tsx';
import { loadFrequentNumbers, saveFrequentNumbers } from './frequent-numbers.ts';
import { useSoftphone } from './use-softphone.ts';

const PHONE = /^\+?\d{3,20}$/;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** Outbound call (呼出) by number with a dial pad and frequent numbers, or an internal call (内部呼叫). */
export function DialDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { run, pending } = useSoftphone();
  const [mode, setMode] = useState<'outside' | 'colleague'>('outside');
  const [number, setNumber] = useState('');
  const [colleague, setColleague] = useState<ColleagueRef>({ agentId: null });
  const [frequent, setFrequent] = useState<string[]>([]);
  const [error, setError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);

  useEffect(() => {
    if (open) {
      setFrequent(loadFrequentNumbers());
      setError(null);
    }
  }, [open]);

  const updateFrequent = (next: string[]) => {
    setFrequent(next);
    saveFrequentNumbers(next);
  };

  const dial = async (target: string = number) => {
    setError(null);
    if (mode === 'colleague') {
      const resolved = await resolveColleague(colleague);
      if ('error' in resolved) {
        setError({ key: resolved.error });
        return;
      }
      if (await run({ path: 'dial', body: { target: { agentId: resolved.agentId } } })) onClose();
      return;
    }
    if (!PHONE.test(target)) return setError({ key: 'dial.invalid' });
    if (await run({ path: 'dial', body: { target: { number: target } } })) onClose();
  };

  return (
    <Modal
      open={open}
      title={t('dial.title')}
      onCancel={onClose}
      footer={null}
      width={380}
      destroyOnHidden
      data-testid="dial-dialog"
    >
      <Segmented
        block
        value={mode}
        onChange={setMode}
        options={[
          { value: 'outside', label: t('dial.outside') },
          { value: 'colleague', label: t('dial.colleague') },
        ]}
        className="sb-dial__mode"
      />
      {mode === 'outside' ? (
        <>
          <Input
            size="large"
            value={number}
            onChange={(e) => setNumber(e.target.value.replace(/[^\d*#+]/g, ''))}
            onPressEnter={() => void dial()}
            placeholder={t('dial.placeholder')}
            inputMode="tel"
            maxLength={21}
            data-testid="dial-number"
            allowClear
          />
          <div className="sb-dial__pad">
            {KEYS.map((key) => (
              <Button
                key={key}
                onClick={() => setNumber((n) => `${n}${key}`)}
                data-testid={`dial-key-${key}`}
              >
                {key}
              </Button>
            ))}
          </div>
          <div className="sb-dial__actions">
            <Button
              icon={<StarOutlined />}
              disabled={!PHONE.test(number) || frequent.includes(number)}
              onClick={() => updateFrequent([number, ...frequent])}
            >
              {t('dial.addFrequent')}
            </Button>
            <Button
              type="primary"
              icon={<PhoneOutlined />}
              loading={pending === 'dial'}
              onClick={() => void dial()}
              data-testid="dial-call"
            >
              {t('dial.call')}
            </Button>
          </div>
          <Typography.Text strong>{t('dial.frequent')}</Typography.Text>
          {frequent.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dial.noFrequent')} />
          ) : (
            <List
              size="small"
              dataSource={frequent}
              renderItem={(item) => (
                <List.Item
                  actions={[
                    <Button key="call" size="small" type="link" onClick={() => void dial(item)}>
                      {t('dial.call')}
                    </Button>,
                    <Button
                      key="remove"
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('dial.removeFrequent')}
                      onClick={() => updateFrequent(frequent.filter((n) => n !== item))}
                    />,
                  ]}
                >
                  {item}
                </List.Item>
              )}
            />
          )}
        </>
      ) : (
        <>
          <ColleagueField value={colleague} onChange={setColleague} testId="dial-colleague" />
          <Typography.Paragraph type="secondary" className="sb-dial__hint">
            {t('target.agentGap')}
          </Typography.Paragraph>
          <div className="sb-dial__actions">
            <Button
              type="primary"
              icon={<PhoneOutlined />}
              loading={pending === 'dial'}
              onClick={() => void dial()}
            >
              {t('dial.call')}
            </Button>
          </div>
        </>
      )}
      {error && <Alert type="error" showIcon title={t(error.key, error.params)} className="sb-dial__error" />}
    </Modal>
  );
}
