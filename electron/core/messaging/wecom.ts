/**
 * The 企业微信 group robot (群机器人配置说明): a POST of `{"msgtype":"text","text":{"content":…}}` to its webhook,
 * answered `{"errcode":0,"errmsg":"ok"}`. A robot takes at most 20 messages a minute: the desk holds itself to
 * that, and an answer 45009 (over the limit) is a passing failure that the outbox's back-off waits out.
 */
import { parseJson, post } from './http';
import { SendError, type OutgoingMessage, type Transport } from './sender';

export const WECOM_PER_MINUTE = 20;
/** The robot's limit on a text message (2048 bytes of UTF-8). */
const MAX_BYTES = 2048;

/** At most `limit` events in any `spanMs`, on the desk clock. */
export class RateWindow {
  private times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly spanMs: number,
    private readonly now: () => Date,
  ) {}

  take(): boolean {
    const at = this.now().getTime();
    this.times = this.times.filter((t) => t > at - this.spanMs);
    if (this.times.length >= this.limit) return false;
    this.times.push(at);
    return true;
  }
}

/** Cuts the text to the robot's byte limit, on a character boundary. */
export function robotText(text: string): string {
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > MAX_BYTES) break;
    out += ch;
  }
  return out;
}

/** Robot errcodes that cannot pass by themselves: a wrong or removed webhook key, a message refused. */
function robotError(errcode: number, errmsg: string): SendError {
  const detail = `${errcode}: ${errmsg}`.slice(0, 300);
  if (errcode === 45009 || errcode === -1) return new SendError('throttled', detail, false);
  if (errcode === 93000 || errcode === 40008 || errcode === 40014 || errcode === 93004) return new SendError('robot', detail, true);
  return new SendError('rejected', detail, true);
}

export async function postToRobot(url: string, content: string, ca?: string[]): Promise<void> {
  const answer = await post(url, { 'content-type': 'application/json' }, JSON.stringify({ msgtype: 'text', text: { content: robotText(content) } }), ca);
  const json = parseJson(answer);
  const errcode = Number(json.errcode ?? -2);
  if (errcode !== 0) throw robotError(errcode, String(json.errmsg ?? `HTTP ${answer.status}`));
}

export function wecomTransport(url: string, window: RateWindow, ca?: string[]): Transport {
  return {
    async send(message: OutgoingMessage) {
      if (!window.take()) throw new SendError('throttled', `${WECOM_PER_MINUTE}/min`, false);
      await postToRobot(url, message.body, ca);
    },
    close: () => undefined,
  };
}
