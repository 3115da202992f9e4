/** Why a message failed, in the user's words: the stored `kind|detail` becomes the kind's sentence with the server's own words after it. */
import { useTranslation } from 'react-i18next';

export function useReason(): (lastError: string) => string {
  const { t, i18n } = useTranslation();
  return (lastError) => {
    if (!lastError) return '';
    const [kind = '', ...rest] = lastError.split('|');
    const detail = rest.join('|');
    const words = i18n.exists(`outboxError.${kind}`) ? t(`outboxError.${kind}`) : kind;
    return detail ? `${words}（${detail}）` : words;
  };
}
