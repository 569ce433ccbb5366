/**
 * What the assumed field evidence (4 files of 3 MiB a case) costs in S3 per 1,000 cases over its retention, the
 * same prices and the same assumptions, three ways: the old model (S3 Standard for 120 months, the Object Lock
 * retention before issue 19), S3 Standard over the archive retention (30 years, ARCHIVE-RETENTION short), and the
 * archive tiers the bucket now uses (P-EVIDENCE-STORAGE). No scenario runs: evidence is assumed per case.
 *
 *   node bench/evidence-cost.ts [--region us-east-1] [--open-months 1.46]
 *
 * `--open-months`: also price the tiers with this time in Standard (e.g. the mix's measured time from filing to
 * closure, which `enforce cost` prints), beside the six months assumed by default.
 */
import { costOf, DEFAULT_ASSUMPTIONS } from '../local/cost/model.ts';
import { latestPricingFile, loadPrices } from '../local/cost/pricing.ts';
import { emptyUsage } from '../local/runtime/usage.ts';

const region = process.argv.includes('--region')
  ? (process.argv[process.argv.indexOf('--region') + 1] ?? '')
  : 'us-east-1';
const prices = loadPrices(region, latestPricingFile());
const openArg = process.argv.indexOf('--open-months');
const openMonths = openArg >= 0 ? Number(process.argv[openArg + 1]) : undefined;
const evidence = DEFAULT_ASSUMPTIONS.evidence;
const variants = {
  'old: Standard, 120 months': { ...evidence, retentionMonths: 120, storage: 'standard' as const },
  [`Standard, ${evidence.retentionMonths} months`]: { ...evidence, storage: 'standard' as const },
  [`tiers, ${evidence.retentionMonths} months`]: { ...evidence, storage: 'tiered' as const },
  ...(openMonths !== undefined && Number.isFinite(openMonths)
    ? {
        [`tiers, ${evidence.retentionMonths} months, open ${openMonths} months`]: {
          ...evidence,
          storage: 'tiered' as const,
          openMonths,
        },
      }
    : {}),
};
const rows = Object.entries(variants).map(([name, e]) => {
  const cost = costOf(emptyUsage(), prices, {
    memoryMb: 1024,
    billedTables: [],
    assumptions: { ...DEFAULT_ASSUMPTIONS, coldStartShare: 0, evidence: e },
  });
  const lines = cost.lines.filter((l) => l.evidence && l.cost > 0);
  return {
    variant: name,
    perThousand: Number((cost.perCase * 1000).toFixed(4)),
    lines: Object.fromEntries(lines.map((l) => [`${l.service}: ${l.item}`, Number((l.cost * 1000).toFixed(4))])),
  };
});
console.log(JSON.stringify({ region, prices: prices.file, readAt: prices.readAt, evidence, rows }, null, 2));
