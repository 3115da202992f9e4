/** One HTTP(S) POST of the messaging channels (SMS providers, the 企业微信 robot): status and body, with the caller's trusted CAs. */
import http from 'node:http';
import https from 'node:https';
import { SendError } from './sender';

export interface Answer {
  status: number;
  body: string;
}

/** A refused connection, a timeout or a cut answer is a passing failure (`connection`): the sender tries again. */
export function post(url: string, headers: Record<string, string>, body: string, ca?: string[]): Promise<Answer> {
  const target = new URL(url);
  const client = target.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, ca, timeout: 20_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (e) => reject(new SendError('connection', e.message, false)));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', (e) => reject(new SendError('connection', e.message, false)));
    request.end(body);
  });
}

export function parseJson(answer: Answer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(answer.body);
    if (value && typeof value === 'object') return value as Record<string, unknown>;
  } catch {
    // not JSON: judged by the status below
  }
  throw new SendError(answer.status >= 500 || answer.status === 429 ? 'connection' : 'rejected', `HTTP ${answer.status}`, !(answer.status >= 500 || answer.status === 429));
}
