/** Price lists: config/pricing/aws-<date>.json, one block per region, every price with its source. */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { readJsonFileWithin } from '../json-file.ts';
import { type PriceList, REQUIRED_PRICE_KEYS, TIER_PRICE_KEYS } from './model.ts';

export const PRICING_DIR = new URL('../../config/pricing/', import.meta.url);

const Price = z.strictObject({
  /** null: not found in the stored sources (the source says so); the line is left out of the total and named. */
  price: z.number().min(0).nullable(),
  unit: z.string().min(1),
  source: z.string().min(1),
  verify: z.boolean().optional(),
});

const PricingFile = z.object({
  comment: z.string().optional(),
  readAt: z.iso.date(),
  regions: z.record(
    z.string(),
    z.object({
      name: z.string(),
      currency: z.string().min(3).max(3),
      /** When this region's prices were read, if not with the rest of the file. */
      readAt: z.iso.date().optional(),
      prices: z.object({
        ...(Object.fromEntries(REQUIRED_PRICE_KEYS.map((k) => [k, Price])) as Record<
          (typeof REQUIRED_PRICE_KEYS)[number],
          typeof Price
        >),
        ...(Object.fromEntries(TIER_PRICE_KEYS.map((k) => [k, Price.optional()])) as Record<
          (typeof TIER_PRICE_KEYS)[number],
          z.ZodOptional<typeof Price>
        >),
      }),
    }),
  ),
});

export class PricingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PricingError';
  }
}

/** The newest price list in config/pricing/ (file names carry the date they were read). */
export function latestPricingFile(): string {
  const dir = fileURLToPath(PRICING_DIR);
  const files = readdirSync(dir)
    .filter((f) => /^aws-\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort();
  const latest = files.at(-1);
  if (!latest) throw new PricingError(`价格目录中没有价格文件：${dir}`);
  return `${dir}${latest}`;
}

export function regionsOf(file: string): string[] {
  return Object.keys(parsePricing(file).regions);
}

function parsePricing(file: string) {
  const read = readJsonFileWithin(file);
  if (!read.ok) throw new PricingError(`无法读取价格文件：${read.message}`);
  const parsed = PricingFile.safeParse(read.value);
  if (!parsed.success)
    throw new PricingError(
      `价格文件格式不正确（${basename(file)}）：${parsed.error.issues.map((i) => i.path.join('.')).join('、')}`,
    );
  return parsed.data;
}

export function loadPrices(region: string, file: string = latestPricingFile()): PriceList {
  const data = parsePricing(file);
  const block = data.regions[region];
  if (!block) throw new PricingError(`价格文件中没有区域 ${region}（已有：${Object.keys(data.regions).join('、')}）`);
  return {
    region,
    regionName: block.name,
    currency: block.currency,
    readAt: block.readAt ?? data.readAt,
    file: basename(file),
    prices: block.prices,
  };
}
