/**
 * How fault words are cut (issue 7): runs of Chinese characters as their overlapping character pairs
 * (室内机漏水 → 室内 内机 机漏 漏水), other runs as lower-cased words. The fault search indexes these, and the 三包
 * rules compare two faults by them.
 */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const HAN = /^\p{Script=Han}/u;

/** The index terms of a text: character pairs of each Chinese run (a lone character as itself), other words lower-cased. */
export function faultTerms(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(RUNS)) {
    if (!HAN.test(run)) {
      out.push(run.toLowerCase());
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}
