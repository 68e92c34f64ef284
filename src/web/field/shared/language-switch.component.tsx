import { Segmented, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api.ts';
import { LANGUAGES, type Language } from '../../shared/i18n.ts';
import { useSwitchLanguage } from '../../shared/session.ts';

interface Props {
  /** Told of every choice the user makes here (the sign-in page carries it over to the account). */
  onChosen?: (lang: Language) => void;
}

/**
 * Chinese | English, each named in its own language so anyone can find theirs.
 * Signed in, the choice is saved to the account too; offline it still
 * changes the screen and the account keeps the old choice.
 */
export function LanguageSwitch({ onChosen }: Props) {
  const { t, i18n } = useTranslation();
  const switchLanguage = useSwitchLanguage();
  const onChange = (value: string | number) => {
    const lang = value as Language;
    onChosen?.(lang);
    switchLanguage(lang).catch((e: unknown) => {
      Toast.show({ content: e instanceof ApiRequestError ? e.message : t('common:errors.unexpected') });
    });
  };
  return (
    <Segmented
      data-testid="lang-switch"
      className="field-lang-switch"
      block
      value={i18n.language}
      onChange={onChange}
      options={LANGUAGES.map((lang) => ({ value: lang, label: t(`common:language.${lang}`) }))}
    />
  );
}
