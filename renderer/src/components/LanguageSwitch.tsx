import { SegmentedControl, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/domain/user';
import { changeLocale } from '../i18n';

/** 中文 | English; the phone page asks for a larger one (touch targets). */
export function LanguageSwitch({ size = 'xs' }: { size?: MantineSize }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('ui.header.language')}
      data-testid="language-switch"
      value={i18n.language}
      onChange={(v) => changeLocale(v as Locale)}
      data={LOCALES.map((l) => ({ value: l, label: t(`ui.language.${l}`) }))}
    />
  );
}
