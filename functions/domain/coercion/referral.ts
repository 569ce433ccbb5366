/**
 * Criminal referral for refusal to execute (D1-D5): on what grounds, and whether the package holds all five
 * evidence categories. A package missing one is not sent; the officer is told which.
 */
import type { EnforcementCase } from '../case/model.ts';
import { outstandingFen } from '../control/plan.ts';
import type { Rules } from '../rules/table.ts';
import { ableToPay, conductKinds } from './measures.ts';

export type EvidenceCategory = 'identity' | 'duty' | 'ability' | 'refusal' | 'circumstances';

export const CATEGORY_LABELS: Record<EvidenceCategory, string> = {
  identity: '被执行人身份',
  duty: '履行义务（生效法律文书及执行通知）',
  ability: '履行能力',
  refusal: '拒不履行的事实',
  circumstances: '情节与后果',
};

/**
 * D5: the serious circumstances this system can see. Every one needs the ability to pay: the crime is 有能力执行而
 * 拒不执行 (刑法 第三百一十三条), and 法〔2016〕373号 has only what 构成犯罪 referred. A respondent with nothing to pay
 * with is fined or detained, listed and restricted, but not referred, and 终本 is not held up by it.
 */
export function referralGrounds(state: EnforcementCase, rules: Rules): string[] {
  if (outstandingFen(state) === 0 || !ableToPay(state)) return [];
  const kinds = conductKinds(state);
  const grounds: string[] = [];
  if (kinds.includes('violent-obstruction')) grounds.push('violent-obstruction');
  if (kinds.includes('assets-hidden')) grounds.push('assets-hidden-with-ability');
  const sanction = state.coercion?.sanction;
  const sanctioned =
    sanction && (sanction.status === 'served' || sanction.status === 'in-custody' || sanction.status === 'released');
  if (sanctioned && kinds.includes('report-refused')) grounds.push('report-refused-after-sanction');
  return grounds.filter((g) => (rules.D5.recognised as readonly string[]).includes(g));
}

/** D1: which of the five categories the case can document. */
export function referralPackage(state: EnforcementCase, rules: Rules): { missing: EvidenceCategory[] } {
  const served = state.respondents.every((r) => state.service.served[r.partyId] !== undefined);
  const present: Record<EvidenceCategory, boolean> = {
    identity: state.respondents.every((r) => r.idNumber.length > 0),
    duty: state.basis.documentNumber.length > 0 && served,
    ability: ableToPay(state),
    refusal: served && outstandingFen(state) > 0,
    circumstances: conductKinds(state).length > 0,
  };
  const categories = rules.D1.categories as readonly EvidenceCategory[];
  return { missing: categories.filter((c) => !present[c]) };
}
