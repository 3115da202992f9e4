/**
 * Request signing of the two SMS providers, as their documents describe it:
 * - Alibaba Cloud (dysmsapi, RPC style): 签名机制, signature version 1.0 — HMAC-SHA1 with `AccessKeySecret&` over
 *   `METHOD&%2F&` + the percent-encoded canonicalized query (parameters sorted, RFC 3986 encoding).
 * - Tencent Cloud (API 3.0): 签名方法 v3, TC3-HMAC-SHA256 — a canonical request hashed into a string to sign, signed
 *   with a key derived from the secret, the UTC date and the service.
 * Checked against each document's worked example in tests/unit/sms-signing.test.ts.
 */
import crypto from 'node:crypto';

/** RFC 3986 percent-encoding as Alibaba requires: space %20, `*` %2A, `~` kept. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function aliyunCanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
}

export function aliyunStringToSign(method: 'GET' | 'POST', params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(aliyunCanonicalQuery(params))}`;
}

/** The `Signature` parameter of an RPC request (the other parameters, Signature itself excluded). */
export function aliyunSignature(secret: string, method: 'GET' | 'POST', params: Record<string, string>): string {
  return crypto.createHmac('sha1', `${secret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: crypto.BinaryLike, text: string) => crypto.createHmac('sha256', key).update(text, 'utf8').digest();

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  /** Seconds since the epoch (X-TC-Timestamp); the credential's date is its UTC date. */
  timestamp: number;
  contentType: string;
  payload: string;
  /** Signed besides content-type and host (e.g. `x-tc-action`), lower-case name → value. */
  extraHeaders?: Record<string, string>;
}

/** The `Authorization` header of a POST to Tencent Cloud API 3.0, with the pieces a server checks. */
export function tc3Authorization(r: Tc3Request): { authorization: string; signature: string; canonicalRequest: string; stringToSign: string } {
  const headers: Record<string, string> = { 'content-type': r.contentType, host: r.host, ...r.extraHeaders };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim().toLowerCase()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256(r.payload)].join('\n');
  const date = new Date(r.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${r.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(r.timestamp), scope, sha256(canonicalRequest)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${r.secretKey}`, date), r.service), 'tc3_request');
  const signature = crypto.createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex');
  return {
    authorization: `TC3-HMAC-SHA256 Credential=${r.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signature,
    canonicalRequest,
    stringToSign,
  };
}
