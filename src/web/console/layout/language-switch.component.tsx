import { GlobalOutlined } from '@ant-design/icons';
import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/i18n.ts';
import { useSwitchLanguage } from '../../shared/session.ts';

/** Chinese / English, each named in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const switchLanguage = useSwitchLanguage();
  return (
    <Select<Language>
      data-testid="lang-switch"
      aria-label={t('common:language.label')}
      prefix={<GlobalOutlined />}
      variant="borderless"
      popupMatchSelectWidth={false}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={LANGUAGES.map((lang) => ({ value: lang, label: t(`common:language.${lang}`) }))}
      onChange={(lang) => void switchLanguage(lang).catch((e: Error) => void message.error(e.message))}
      style={{ minWidth: 112 }}
    />
  );
}
