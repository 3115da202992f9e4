/**
 * Safety words (seed 001: 冒烟、漏电 — a safety risk is always urgent). One rule for the intake form's hint
 * and for the core, which flags the ticket whatever the caller sent: a smoking device is never 一般.
 * A word the clerk wrote as denied ("无冒烟", "未见焦味", "no smoke") is not a risk.
 */
const CHINESE_WORDS = ['冒烟', '漏电', '起火', '着火', '冒火', '烧焦', '焦味', '糊味', '电火花', '触电', '爆炸'];
const LATIN_WORDS = ['smok(?:e|es|ed|ing|y)', 'fire', 'burn(?:ing|t) smell', 'electric(?:al)? shock', 'leakage current'];

/** Latin words on word boundaries ("fire", not "firewall"); Chinese has no spaces to bound. */
const SAFETY = new RegExp(`${CHINESE_WORDS.join('|')}|\\b(?:${LATIN_WORDS.join('|')})\\b`, 'g');

/** A denial just before the word, in the same clause: 无冒烟, 没有明显焦味, 未发现漏电, no smoke, not on fire. */
const DENIED = /(?:[无未没不非否](?:有|见|发现|闻到|出现)?(?:明显的?)?|\b(?:no|not|without|never)\s+(?:any\s+|on\s+)?)$/;
const CLAUSE_END = /[，。、；！？,.;!?\n]/;

export function mentionsSafetyRisk(text: string): boolean {
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(SAFETY)) {
    const clause = lower.slice(0, match.index).split(CLAUSE_END).pop() ?? '';
    if (!DENIED.test(clause)) return true;
  }
  return false;
}

/**
 * Whether a ticket is a safety risk: flagged by the clerk, or its fault mentions a safety word. Maintenance
 * tickets are left to the flag: their description is a plan's name and checklist ("漏电保护器年检"), not a
 * reported fault.
 */
export function isSafetyRisk(ticket: { safetyRisk: boolean; problemType: string; faultDescription: string }): boolean {
  return ticket.safetyRisk || (ticket.problemType !== 'maintenance' && mentionsSafetyRisk(ticket.faultDescription));
}
