/** What the generator and the benchmark share: arguments, the bench admin's credentials, file names. */
import path from 'node:path';

export const BENCH_ADMIN = { username: 'admin', displayName: '管理员', password: 'bench-admin-pass-1' };

/** Raw FTS candidates for fault-description search live beside the database (no API uses them yet). */
export const CANDIDATES_FILE = 'fts-candidates.sqlite';

export function arg(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
}

export const dataDirArg = (): string => path.resolve(arg('data-dir', '.data/bench'));

/** Words a clerk would type to find a fault; 2-character ones are below the trigram tokenizer's reach. */
export const FAULT_QUERIES = ['漏水', '噪音', '失灵', '异味', '无法开机', '制冷效果差', '无法充电', '故障代码', '屏幕闪烁', '吸力不足'];

/** Segments Chinese text into words with Intl.Segmenter (ICU dictionary), keeping only word-like pieces. */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}
