/**
 * A local HTTPS server standing in for both SMS providers, checking each request exactly as their documents
 * describe it before answering: Alibaba's SendSms (RPC, form-encoded POST: Action, Version, the signature
 * parameters, a fresh Timestamp, a nonce never seen before, and the HMAC-SHA1 signature recomputed with the
 * known secret) and Tencent's SendSms 2021-01-11 (the X-TC-* headers, a fresh timestamp, and the TC3-HMAC-SHA256
 * Authorization recomputed from the received headers and body). A request that fails a check is answered with
 * the provider's documented error; one that passes is recorded and answered with the next scripted answer, or
 * success. The certificate is made for the test: the desk trusts it only because the test hands it the CA.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { aliyunSignature, tc3Authorization } from '../../electron/core/messaging/sms-signing';

export const KEY_ID = 'LTAI5tTestKeyId';
export const SECRET = 'sms-密钥-Secret-99';
export const APP_ID = '1400006666';

export interface SmsRequest {
  provider: 'aliyun' | 'tencent';
  phone: string;
  signName: string;
  template: string;
  /** Alibaba: the variables by name; Tencent: in order. */
  params: Record<string, string> | string[];
}

export interface SmsServer {
  url: string;
  ca: string;
  /** Requests that passed every check. */
  received: SmsRequest[];
  /** Requests refused by a check (the check's words). */
  refused: string[];
  /** What to answer the next requests that pass the checks: [status, body] (default: success). */
  answers: [number, unknown][];
  close(): Promise<void>;
  reopen(): Promise<void>;
}

const read = (req: import('node:http').IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

/** `now`: the desk clock the requests' timestamps must be close to. */
export async function startSmsServer(now: () => Date): Promise<SmsServer> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
  });
  const nonces = new Set<string>();
  let server: https.Server;

  const aliyun = (body: string): [number, unknown] => {
    const all = Object.fromEntries(new URLSearchParams(body));
    const { Signature, ...params } = all;
    const refuse = (status: number, Code: string): [number, unknown] => {
      out.refused.push(Code);
      return [status, { Code, Message: Code, RequestId: 'r' }];
    };
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25') return refuse(400, 'InvalidAction.NotFound');
    if (params.Format !== 'JSON' || params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') return refuse(400, 'InvalidParameter');
    if (params.AccessKeyId !== KEY_ID) return refuse(404, 'InvalidAccessKeyId.NotFound');
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp ?? '') || Math.abs(Date.parse(params.Timestamp!) - now().getTime()) > 15 * 60_000) return refuse(400, 'InvalidTimeStamp.Expired');
    if (!params.SignatureNonce || nonces.has(params.SignatureNonce)) return refuse(400, 'SignatureNonceUsed');
    nonces.add(params.SignatureNonce);
    if (Signature !== aliyunSignature(SECRET, 'POST', params)) return refuse(400, 'SignatureDoesNotMatch');
    out.received.push({ provider: 'aliyun', phone: params.PhoneNumbers!, signName: params.SignName!, template: params.TemplateCode!, params: JSON.parse(params.TemplateParam ?? '{}') as Record<string, string> });
    return out.answers.shift() ?? [200, { Code: 'OK', Message: 'OK', BizId: '9006197469364984400', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990' }];
  };

  const tencent = (headers: import('node:http').IncomingHttpHeaders, body: string): [number, unknown] => {
    const refuse = (Code: string): [number, unknown] => {
      out.refused.push(Code);
      return [200, { Response: { Error: { Code, Message: Code }, RequestId: 'r' } }];
    };
    if (headers['x-tc-action'] !== 'SendSms' || headers['x-tc-version'] !== '2021-01-11') return refuse('InvalidAction');
    if (!headers['x-tc-region']) return refuse('MissingParameter');
    const timestamp = Number(headers['x-tc-timestamp']);
    if (!Number.isInteger(timestamp) || Math.abs(timestamp * 1000 - now().getTime()) > 5 * 60_000) return refuse('AuthFailure.SignatureExpire');
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d\d-\d\d)\/sms\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '');
    if (!auth) return refuse('AuthFailure.InvalidAuthorization');
    const [, secretId, date, signed, signature] = auth;
    if (secretId !== KEY_ID) return refuse('AuthFailure.SecretIdNotFound');
    if (date !== new Date(timestamp * 1000).toISOString().slice(0, 10)) return refuse('AuthFailure.SignatureFailure');
    const names = signed!.split(';');
    if (!names.includes('content-type') || !names.includes('host')) return refuse('AuthFailure.SignatureFailure');
    const extraHeaders = Object.fromEntries(names.filter((n) => n !== 'content-type' && n !== 'host').map((n) => [n, String(headers[n] ?? '')]));
    const expected = tc3Authorization({ secretId: KEY_ID, secretKey: SECRET, service: 'sms', host: headers.host ?? '', timestamp, contentType: headers['content-type'] ?? '', payload: body, extraHeaders });
    if (expected.signature !== signature) return refuse('AuthFailure.SignatureFailure');
    const request = JSON.parse(body) as { PhoneNumberSet: string[]; SmsSdkAppId: string; SignName: string; TemplateId: string; TemplateParamSet: string[] };
    if (request.SmsSdkAppId !== APP_ID) return refuse('UnauthorizedOperation.SmsSdkAppIdVerifyFail');
    out.received.push({ provider: 'tencent', phone: request.PhoneNumberSet.join(','), signName: request.SignName, template: request.TemplateId, params: request.TemplateParamSet });
    return (
      out.answers.shift() ?? [
        200,
        { Response: { SendStatusSet: [{ SerialNo: '5000:1045710669157053657849499619', PhoneNumber: request.PhoneNumberSet[0], Fee: 1, SessionContext: '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279' } },
      ]
    );
  };

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
        void read(req).then((body) => {
          const [status, answer] =
            req.method !== 'POST' ? [405, {}] : req.headers['x-tc-action'] !== undefined ? tencent(req.headers, body) : req.headers['content-type'] === 'application/x-www-form-urlencoded' ? aliyun(body) : [400, {}];
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
        });
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listen(0);
  const out: SmsServer = {
    url: `https://127.0.0.1:${port}/`,
    ca: pems.cert,
    received: [],
    refused: [],
    answers: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    reopen: async () => {
      await listen(port);
    },
  };
  return out;
}
