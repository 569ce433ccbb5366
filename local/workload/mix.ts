/** The case mix (config/workload/mix.json, or a court's own copy): scenario weights, pending scenarios listed. */

import * as z from 'zod';
import { readJsonFileWithin } from '../json-file.ts';
import { workloadScenario } from './scenarios.ts';

export const DEFAULT_MIX = new URL('../../config/workload/mix.json', import.meta.url);

const MixFile = z.object({
  comment: z.string().optional(),
  scenarios: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        weight: z.number().min(0),
        /** Not built yet: what it waits for. */
        pending: z.string().optional(),
      }),
    )
    .min(1),
});

export interface CaseMix {
  /** Scenarios that exist, with their weights as fractions (summing to 1). */
  readonly shares: Readonly<Record<string, number>>;
  /** Scenarios listed but not built yet, with their weight (in the file's units) and what they wait for. */
  readonly pending: readonly { readonly id: string; readonly weight: number; readonly pending: string }[];
  /** The share of the file's total weight that the existing scenarios stand for. */
  readonly covered: number;
}

export class InvalidMixError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMixError';
  }
}

export function parseMix(raw: unknown): CaseMix {
  const parsed = MixFile.safeParse(raw);
  if (!parsed.success)
    throw new InvalidMixError(
      `案件构成文件格式不正确：${parsed.error.issues.map((i) => i.path.join('.') || '(根)').join('、')}`,
    );
  const active = parsed.data.scenarios.filter((s) => s.pending === undefined);
  for (const s of active) {
    if (!workloadScenario(s.id))
      throw new InvalidMixError(`案件构成文件中的场景 ${s.id} 不存在（尚未实现的场景请标注 pending）`);
  }
  const total = parsed.data.scenarios.reduce((sum, s) => sum + s.weight, 0);
  const activeTotal = active.reduce((sum, s) => sum + s.weight, 0);
  if (activeTotal <= 0) throw new InvalidMixError('案件构成文件中没有权重大于零的已实现场景');
  return {
    shares: Object.fromEntries(active.filter((s) => s.weight > 0).map((s) => [s.id, s.weight / activeTotal])),
    pending: parsed.data.scenarios.flatMap((s) =>
      s.pending !== undefined ? [{ id: s.id, weight: s.weight, pending: s.pending }] : [],
    ),
    covered: activeTotal / total,
  };
}

export function loadMix(file: string | URL = DEFAULT_MIX): CaseMix {
  const read = readJsonFileWithin(file);
  if (!read.ok) throw new InvalidMixError(`无法读取案件构成文件：${read.message}`);
  return parseMix(read.value);
}
