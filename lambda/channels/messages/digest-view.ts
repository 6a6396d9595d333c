/**
 * A digest summary as text blocks in one language: the totals, one block per listed project (its counts,
 * its most urgent services, how many more the report has), the projects left out, the accounts. Blocks
 * are the unit a digest splits on: a message never cuts a project in two, and the order is the
 * summary's own (most urgent first), so every channel splits the same digest the same way.
 */
import type { DigestMessages } from './digest-messages';
import type { DigestSummary } from '../../core/policy/digest-summary';

export function digestBlocks(summary: DigestSummary, m: DigestMessages, userText: (s: string) => string): string[] {
  const blocks = [m.totals(summary.totals)];
  for (const p of summary.projects) {
    const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
    const lines = [m.project(userText(p.project), p.counts, p.unacknowledged)];
    for (const s of p.urgent) lines.push(m.service(s, userText(s.name), userText(s.serviceId)));
    if (total > p.urgent.length) lines.push(m.moreServices(total - p.urgent.length));
    blocks.push(lines.join('\n'));
  }
  if (summary.projectsOmitted > 0) blocks.push(m.projectsOmitted(summary.projectsOmitted));
  if (summary.accounts.length > 0) {
    const lines = [m.accountsHeading];
    for (const a of summary.accounts) {
      lines.push(m.account(a, userText(a.accountId), a.lastError === undefined ? undefined : userText(a.lastError)));
    }
    if (summary.accountsOmitted > 0) lines.push(m.accountsOmitted(summary.accountsOmitted));
    blocks.push(lines.join('\n'));
  }
  return blocks;
}

/**
 * Blocks grouped into messages, in order, each group's text (blocks joined by a blank line) at most
 * `budget` as `measure` counts it. A block larger than the budget travels alone (its message's
 * formatter then shortens it to the platform's limit).
 */
export function packBlocks(blocks: readonly string[], budget: number, measure: (text: string) => number): string[] {
  const parts: string[] = [];
  let current: string | undefined;
  for (const block of blocks) {
    const joined = current === undefined ? block : `${current}\n\n${block}`;
    if (current !== undefined && measure(joined) > budget) {
      parts.push(current);
      current = block;
    } else {
      current = joined;
    }
  }
  if (current !== undefined) parts.push(current);
  return parts;
}
