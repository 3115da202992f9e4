/**
 * SMS through the providers' SendSms APIs, signed as their documents say (sms-signing.ts):
 * - Alibaba Cloud SMS, dysmsapi 2017-05-25 (RPC style, form-encoded POST): PhoneNumbers, SignName, TemplateCode and
 *   TemplateParam (the variables by name, as JSON); answers `{"Code":"OK"}` or an error code.
 * - Tencent Cloud SMS, sms 2021-01-11 (API 3.0, JSON POST with TC3-HMAC-SHA256): PhoneNumberSet (+86…), SmsSdkAppId,
 *   SignName, TemplateId and TemplateParamSet (the variables in order); answers a per-number SendStatusSet or an Error.
 * Each answer's code becomes a reason the outbox screen words (outboxError.*), and whether trying again can help.
 */
import crypto from 'node:crypto';
import { SMS_ENDPOINTS, type CustomerEvent, type SmsSettings } from '../../../shared/domain/messaging';
import { aliyunSignature, tc3Authorization } from './sms-signing';
import { parseJson, post, type Answer } from './http';
import { SendError, type OutgoingMessage, type Transport } from './sender';

type Rule = [RegExp, string, boolean];

/** Alibaba's codes (SendSms 错误码): which reason, and whether it is permanent. */
const ALIYUN: Rule[] = [
  [/^(isv\.BUSINESS_LIMIT_CONTROL|isv\.DAY_LIMIT_CONTROL|Throttling)/, 'throttled', false],
  [/^isp\.SYSTEM_ERROR|^ServiceUnavailable|^InternalError/, 'connection', false],
  [/^isv\.(SMS_SIGNATURE_ILLEGAL|SIGN_NAME_ILLEGAL|SMS_SIGN_ILLEGAL|SMS_SIGNATURE_SCENE_ILLEGAL)/, 'smsSign', true],
  [/^isv\.(SMS_TEMPLATE_ILLEGAL|TEMPLATE_MISSING_PARAMETERS|TEMPLATE_PARAMS_ILLEGAL|PARAM_LENGTH_LIMIT|INVALID_JSON_PARAM|BLACK_KEY_CONTROL_LIMIT)/, 'smsTemplate', true],
  [/^isv\.(MOBILE_NUMBER_ILLEGAL|MOBILE_COUNT_OVER_LIMIT|DENY_IP_RANGE)/, 'badNumber', true],
  [/^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|isp\.RAM_PERMISSION_DENY|isv\.ACCOUNT_NOT_EXISTS|isv\.ACCOUNT_ABNORMAL|Forbidden)/, 'auth', true],
  [/^(isv\.AMOUNT_NOT_ENOUGH|isv\.OUT_OF_SERVICE|isv\.PRODUCT_UN_SUBSCRIPT)/, 'balance', true],
];

/** Tencent's codes (SendSms 错误码, and each number's SendStatus code). */
const TENCENT: Rule[] = [
  [/^(LimitExceeded\.|RequestLimitExceeded)/, 'throttled', false],
  [/^(InternalError|FailedOperation\.(JsonParseFail|FailResolvePacket)$)/, 'connection', false],
  [/^FailedOperation\.SignatureIncorrectOrUnapproved|^UnauthorizedOperation\.SmsSdkAppIdVerifyFail/, 'smsSign', true],
  [/^(FailedOperation\.(TemplateIncorrectOrUnapproved|TemplateParamSetNotMatchApprovedTemplate|ContainSensitiveWord)|InvalidParameterValue\.(TemplateParameter|ProhibitedUseUrl|ContentLengthLimit))/, 'smsTemplate', true],
  [/^(InvalidParameterValue\.IncorrectPhoneNumber|FailedOperation\.PhoneNumberInBlacklist|UnsupportedOperation\.ContainDomesticAndInternationalPhoneNumber)/, 'badNumber', true],
  [/^(AuthFailure|UnauthorizedOperation)/, 'auth', true],
  [/^FailedOperation\.(InsufficientBalanceInSmsPackage|MarketingSendTimeConstraint)/, 'balance', true],
];

/** A provider's error code as a SendError: its reason, and the code and the provider's message as the detail. */
export function smsError(provider: 'aliyun' | 'tencent', code: string, message: string, status: number): SendError {
  const rule = (provider === 'aliyun' ? ALIYUN : TENCENT).find(([pattern]) => pattern.test(code));
  const detail = `${code}: ${message}`.slice(0, 300);
  if (rule) return new SendError(rule[1], detail, rule[2]);
  return status >= 500 ? new SendError('connection', detail, false) : new SendError('rejected', detail, true);
}

const aliyunTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

async function sendAliyun(s: SmsSettings, secret: string, m: OutgoingMessage, code: string, now: Date, ca?: string[]): Promise<void> {
  const variables = Object.fromEntries(JSON.parse(m.params || '[]') as [string, string][]);
  const params: Record<string, string> = {
    AccessKeyId: s.keyId,
    Action: 'SendSms',
    Format: 'JSON',
    OutId: m.idemKey,
    PhoneNumbers: m.recipient,
    RegionId: 'cn-hangzhou',
    SignName: s.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: crypto.randomUUID(),
    SignatureVersion: '1.0',
    TemplateCode: code,
    TemplateParam: JSON.stringify(variables),
    Timestamp: aliyunTime(now),
    Version: '2017-05-25',
  };
  const body = new URLSearchParams({ ...params, Signature: aliyunSignature(secret, 'POST', params) }).toString();
  const answer = await post(s.endpoint || SMS_ENDPOINTS.aliyun, { 'content-type': 'application/x-www-form-urlencoded' }, body, ca);
  const json = parseJson(answer);
  if (answer.status === 200 && json.Code === 'OK') return;
  throw smsError('aliyun', String(json.Code ?? `HTTP ${answer.status}`), String(json.Message ?? ''), answer.status);
}

async function sendTencent(s: SmsSettings, secret: string, m: OutgoingMessage, code: string, now: Date, ca?: string[]): Promise<void> {
  const url = new URL(s.endpoint || SMS_ENDPOINTS.tencent);
  const payload = JSON.stringify({
    PhoneNumberSet: [`+86${m.recipient}`],
    SmsSdkAppId: s.appId,
    SignName: s.signName,
    TemplateId: code,
    TemplateParamSet: (JSON.parse(m.params || '[]') as [string, string][]).map(([, value]) => value),
    SessionContext: m.idemKey,
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  const contentType = 'application/json; charset=utf-8';
  const { authorization } = tc3Authorization({ secretId: s.keyId, secretKey: secret, service: 'sms', host: url.host, timestamp, contentType, payload, extraHeaders: { 'x-tc-action': 'SendSms' } });
  const answer: Answer = await post(
    url.toString(),
    { authorization, 'content-type': contentType, host: url.host, 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-timestamp': String(timestamp), 'x-tc-region': s.region },
    payload,
    ca,
  );
  const response = (parseJson(answer).Response ?? {}) as { Error?: { Code: string; Message: string }; SendStatusSet?: { Code: string; Message: string }[] };
  const failed = response.Error ?? response.SendStatusSet?.find((x) => x.Code !== 'Ok');
  if (failed) throw smsError('tencent', failed.Code, failed.Message, answer.status);
  if (answer.status !== 200 || !response.SendStatusSet?.length) throw smsError('tencent', `HTTP ${answer.status}`, '', answer.status);
}

/** `now`: the desk clock (the requests' timestamps); `ca`: certificates to trust besides the system's (tests). */
export function smsTransport(settings: SmsSettings, secret: string, now: () => Date, ca?: string[]): Transport {
  return {
    async send(m) {
      const code = settings.templateCodes[m.event as CustomerEvent];
      if (!code) throw new SendError('smsTemplate', m.event, true);
      if (settings.provider === 'aliyun') await sendAliyun(settings, secret, m, code, now(), ca);
      else await sendTencent(settings, secret, m, code, now(), ca);
    },
    close: () => undefined,
  };
}
