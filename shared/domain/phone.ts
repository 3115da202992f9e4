/** Phone numbers are searched by their digits only: "+86 138-0013-8000" and "13800138000" are one number. */
export function normalizePhone(phone: string): string {
  let digits = phone.replace(/\D+/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits;
}
