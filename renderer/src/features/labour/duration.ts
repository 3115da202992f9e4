/** A number of minutes in words: 1 小时 30 分, 45 分钟, 2 小时. */
import { useTranslation } from 'react-i18next';

export function useDuration(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return t('ui.labour.minutesOnly', { m });
    return m === 0 ? t('ui.labour.hoursOnly', { h }) : t('ui.labour.hoursMinutes', { h, m });
  };
}
