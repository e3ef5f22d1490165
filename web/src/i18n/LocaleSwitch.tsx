import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from './use-i18n.ts';

interface LocaleSwitchProps {
  /** `text` for light backgrounds inside toolbars, `default` for a bordered button. */
  variant?: 'text' | 'default';
}

/** Toggles between 中文 and English; the button names the language it switches to. */
export function LocaleSwitch({ variant = 'text' }: LocaleSwitchProps) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type={variant === 'text' ? 'text' : 'default'}
      icon={<GlobalOutlined />}
      onClick={() => setLocale(next)}
      data-testid="locale-switch"
      data-locale={locale}
      aria-label={`${t('locale.switch')}: ${t('locale.otherLabel')}`}
      title={t('locale.switch')}
      lang={next}
    >
      {t('locale.otherLabel')}
    </Button>
  );
}
