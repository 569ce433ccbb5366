/**
 * E8-PANEL: a step the text gives a collegial panel (合议庭评议确定) is decided by the majority of the panel's members,
 * each voting in their own name; one member's word is not the panel's. Votes are counted by decision and, for an
 * approval, by the terms approved: two members approving different terms do not make a majority. Pure.
 */
import type { Rules } from '../rules/table.ts';

export type PanelData = Readonly<Record<string, string | number | boolean>>;

export interface PanelVote {
  readonly by: string;
  readonly decision: 'approved' | 'rejected';
  readonly reason?: string;
  readonly data?: PanelData;
}

export function isPanelStep(step: string, rules: Pick<Rules, 'E8_PANEL'>): boolean {
  return (rules.E8_PANEL.steps as readonly string[]).includes(step);
}

/** Votes that decide: more than half of the panel. */
export function panelMajority(rules: Pick<Rules, 'E8_PANEL'>): number {
  return Math.floor(rules.E8_PANEL.size / 2) + 1;
}

/** The same decision on the same terms (keys in order), so that votes can be counted together. */
function voteKey(vote: PanelVote): string {
  const data = Object.entries(vote.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return vote.decision === 'rejected' ? 'rejected' : `approved:${JSON.stringify(data)}`;
}

/** Why this member may not vote now, or undefined. */
export function voteProblem(
  votes: readonly PanelVote[],
  by: string,
  rules: Pick<Rules, 'E8_PANEL'>,
): string | undefined {
  if (votes.some((v) => v.by === by)) return '已参加本次合议庭评议并表决，不能重复表决（E8-PANEL）';
  if (votes.length >= rules.E8_PANEL.size) return `合议庭${rules.E8_PANEL.size}名成员均已表决（E8-PANEL）`;
  return undefined;
}

export interface PanelOutcome {
  /** The majority's vote, once one has it. */
  readonly decided?: PanelVote;
  readonly votes: number;
  readonly needed: number;
}

/** The panel's outcome on these votes: decided when one decision (on one set of terms) has a majority. */
export function panelOutcome(votes: readonly PanelVote[], rules: Pick<Rules, 'E8_PANEL'>): PanelOutcome {
  const needed = panelMajority(rules);
  const counts = new Map<string, PanelVote[]>();
  for (const vote of votes) counts.set(voteKey(vote), [...(counts.get(voteKey(vote)) ?? []), vote]);
  const majority = [...counts.values()].find((group) => group.length >= needed);
  const first = majority?.[0];
  const decided = first ? { ...first, by: majority.at(-1)?.by ?? first.by } : undefined;
  return { ...(decided ? { decided } : {}), votes: votes.length, needed };
}
