import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/domain/user';
import { changeLocale } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('ui.header.language')}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(v) => changeLocale(v as Locale)}
      data={LOCALES.map((l) => ({ value: l, label: t(`ui.language.${l}`) }))}
    />
  );
}
