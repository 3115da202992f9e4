/**
 * Which links may leave the app for the system browser. Everything else is dropped: a renderer
 * that was tricked into opening a URL must not reach file:, javascript:, custom protocol handlers
 * or a phishing page.
 */

/**
 * Hosts the app is allowed to hand to the system browser, compared exactly (no subdomains, no
 * suffix matching, so `example.com.evil.test` and `evil-example.com` never pass). Empty today:
 * no screen links out yet; a screen that needs a link adds its host here, in review.
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = [];

export function isAllowedExternalUrl(raw: string, allowedHosts: readonly string[] = ALLOWED_EXTERNAL_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  // Credentials in a link are a classic disguise ("https://bank.com@evil.test") and never needed.
  if (url.username !== '' || url.password !== '') return false;
  // A non-default port means a different service than the one reviewed for the list.
  if (url.port !== '') return false;
  // WHATWG parsing already lower-cases and punycodes the host, so homoglyphs cannot match a listed name.
  return allowedHosts.some((host) => host.toLowerCase() === url.hostname);
}
