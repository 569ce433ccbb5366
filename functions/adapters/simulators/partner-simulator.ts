/**
 * SIMULATOR of the outside parties: the e-service platform, the post, the bank and registry network (网络查控),
 * and other courts taking entrusted matters. It sits behind the same PartnerGateway port a real adapter would,
 * and behaves like the real contract: answers arrive later, item by item, some fail, some never come.
 *
 * What each respondent "has" is scripted per case for tests and demos (by ID number); without a script, a
 * deterministic pseudo-random world is derived from the party id, so runs repeat exactly.
 */
import { createHash } from 'node:crypto';
import type { PartnerCallback } from '#contracts/partner-answers.ts';
import { type Instant, plusSeconds } from '#domain/calendar/local-date.ts';
import type { AssetClass } from '#domain/case/model.ts';
import { CREDIT_RECIPIENTS } from '#domain/coercion/plan.ts';
import { caseIdFor, partyIdFor } from '#domain/ids.ts';
import { INQUIRY_CHANNELS } from '#domain/partners/channels.ts';
import type { RequestItem } from '#domain/partners/requests.ts';
import type { Clock } from '#ports/clock.ts';
import type { PartnerGateway, PartnerRequest } from '#ports/partner-requests.ts';

/** ok: answers in the usual time; late: answers, but well after the wait; failed: answers no; silent: never. */
export type Behaviour = 'ok' | 'late' | 'failed' | 'silent';

export interface ScriptedAsset {
  readonly channel: string;
  readonly class: AssetClass;
  readonly reference: string;
  readonly balanceFen?: number;
  readonly region?: string;
  readonly locatedCourt?: { readonly code: string; readonly name: string };
}

export interface RespondentScript {
  readonly eService?: Behaviour;
  readonly postal?: Behaviour;
  readonly assets?: readonly ScriptedAsset[];
  /** Channels that never answer the inquiry. */
  readonly silentChannels?: readonly string[];
  readonly freeze?: Behaviour;
  readonly deduct?: Behaviour;
  /** The asset report the asset-report order asks for (A9). */
  readonly assetReport?: 'ok' | 'silent';
  /** How the banks and registries answer a renewal of a freeze or seal (B2); unscripted, one in twenty fails. */
  readonly renew?: Behaviour;
  /** Assets the respondent comes by later (an inheritance, a new job's salary account): found from `from` on. */
  readonly acquired?: readonly { readonly from: string; readonly assets: readonly ScriptedAsset[] }[];
}

/** How the police, the procuratorate, the higher court and the detention centre answer for one case. */
export interface CaseScript {
  /** opened: open the case; complex: ask for the 30 days first, then open; refused: refuse with reasons. */
  readonly police?: 'opened' | 'complex' | 'refused' | 'silent';
  readonly procuratorate?: 'opened' | 'refusal-upheld' | 'silent';
  /** The sanctioned person asks for review (and the higher court upholds or revokes), or does not. */
  readonly review?: 'none' | 'upheld' | 'revoked';
  readonly custody?: 'ok' | 'silent';
  readonly familyNotice?: 'ok' | 'silent';
  /** Credit-discipline recipients that fail the first time they are sent something, or never answer. */
  readonly creditFailFirst?: readonly string[];
  readonly creditSilent?: readonly string[];
  /** The applicant heard before 终本 (G2): agrees (default), objects, or never answers. */
  readonly interview?: 'agrees' | 'objects' | 'silent';
}

export interface CourtScript {
  readonly entrustment: 'completed' | 'reported-back' | 'silent';
  /** Days until the entrusted court answers. */
  readonly afterDays?: number;
  /** How it answers a renewal of a seal it made (B2, H1): renewed (default), refused, or silence. */
  readonly renewal?: 'completed' | 'failed' | 'silent';
  readonly renewalAfterDays?: number;
}

export interface SimulatorScript {
  /** Keyed by the respondent's ID number (or party id). */
  readonly respondents?: Readonly<Record<string, RespondentScript>>;
  /** Keyed by court code: how a court answers matters entrusted to it. */
  readonly courts?: Readonly<Record<string, CourtScript>>;
  /** Keyed by case number: how the authorities answer in that case's coercion phase. */
  readonly cases?: Readonly<Record<string, CaseScript>>;
}

/** How long simulated parties take, in hours: [fastest, slowest]. Not legal numbers: the simulator's behaviour. */
export const SIMULATED_DELAY_HOURS = {
  eService: [1, 20],
  postal: [48, 168],
  inquiry: [2, 96],
  order: [1, 20],
  entrustment: [24 * 10, 24 * 25],
  late: [24 * 8, 24 * 12],
  credit: [1, 6],
  custody: [1, 4],
  familyNotice: [2, 10],
  review: [24, 60],
  referral: [24 * 2, 24 * 5],
  renewal: [2, 48],
  interview: [4, 72],
} as const;

export type Deliver = (at: Instant, callback: PartnerCallback) => Promise<void>;

function seeded(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function between(random: () => number, [low, high]: readonly [number, number]): number {
  return Math.round(low + random() * (high - low));
}

/** A world for an unscripted respondent: usually a deposit or two, sometimes online funds, rarely property. */
export function defaultWorld(partyId: string): RespondentScript {
  const random = seeded(`world|${partyId}`);
  const banks = INQUIRY_CHANNELS.filter((c) => c.reports.includes('deposit'));
  const assets: ScriptedAsset[] = [];
  const deposits = Math.floor(random() * 3);
  for (let i = 0; i < deposits; i++) {
    const bank = banks[Math.floor(random() * banks.length)] ?? banks[0];
    if (!bank) break;
    assets.push({
      channel: bank.channel,
      class: 'deposit',
      reference: `6222 **** ${String(Math.floor(random() * 10_000)).padStart(4, '0')}`,
      balanceFen: between(random, [100_000, 50_000_000]),
    });
  }
  if (random() < 0.4) {
    assets.push({
      channel: 'alipay',
      class: 'online-funds',
      reference: `alipay:****${Math.floor(random() * 1000)}`,
      balanceFen: between(random, [1_000, 2_000_000]),
    });
  }
  return { assets, silentChannels: random() < 0.2 ? ['psbc'] : [] };
}

export class PartnerSimulator implements PartnerGateway {
  private readonly script: SimulatorScript;
  private readonly deliver: Deliver;
  private readonly clock: Clock;

  constructor(script: SimulatorScript, deliver: Deliver, clock: Clock) {
    this.script = script;
    this.deliver = deliver;
    this.clock = clock;
  }

  private caseScript(request: PartnerRequest): CaseScript {
    for (const [caseNumber, script] of Object.entries(this.script.cases ?? {})) {
      if (caseIdFor(request.court, caseNumber) === request.caseId) return script;
    }
    return {};
  }

  /** What the respondent holds now: the scripted assets and those acquired by now. */
  private holdings(who: RespondentScript): readonly ScriptedAsset[] {
    const now = Date.parse(this.clock.now());
    return [
      ...(who.assets ?? []),
      ...(who.acquired ?? []).filter((a) => Date.parse(a.from) <= now).flatMap((a) => a.assets),
    ];
  }

  private respondent(partyId: string | undefined): RespondentScript {
    if (!partyId) return {};
    for (const [key, script] of Object.entries(this.script.respondents ?? {})) {
      if (key === partyId || partyIdFor(key) === partyId) return script;
    }
    return defaultWorld(partyId);
  }

  async send(request: PartnerRequest): Promise<void> {
    const now = this.clock.now();
    for (const item of request.items) {
      const random = seeded(`${request.requestId}|${item.itemId}`);
      const answer = this.answer(request, item, random);
      if (!answer) continue;
      await this.deliver(plusSeconds(now, answer.afterHours * 3600), {
        requestId: request.requestId,
        itemId: item.itemId,
        outcome: answer.outcome,
        result: answer.result,
      });
    }
  }

  private answer(
    request: PartnerRequest,
    item: RequestItem,
    random: () => number,
  ): { afterHours: number; outcome: 'ok' | 'failed'; result: unknown } | undefined {
    const who = this.respondent(item.respondentId);
    const reply = (
      behaviour: Behaviour | undefined,
      delay: readonly [number, number],
      result: unknown,
      reason: string,
    ) => {
      if (behaviour === 'silent') return undefined;
      const afterHours = between(random, behaviour === 'late' ? SIMULATED_DELAY_HOURS.late : delay);
      return behaviour === 'failed'
        ? { afterHours, outcome: 'failed' as const, result: { reason } }
        : { afterHours, outcome: 'ok' as const, result };
    };
    switch (request.kind) {
      case 'service': {
        const electronic = request.method === 'electronic';
        return reply(
          electronic ? who.eService : who.postal,
          electronic ? SIMULATED_DELAY_HOURS.eService : SIMULATED_DELAY_HOURS.postal,
          { receipt: `${electronic ? 'ES' : 'EMS'}${Math.floor(random() * 1e9)}` },
          electronic ? '电子送达地址无效' : '查无此人，邮件退回',
        );
      }
      case 'inquiry': {
        if (!item.channel || who.silentChannels?.includes(item.channel)) return undefined;
        const assets = this.holdings(who)
          .filter((a) => a.channel === item.channel)
          .map(({ channel: _channel, ...asset }) => asset);
        return reply('ok', SIMULATED_DELAY_HOURS.inquiry, { assets }, '');
      }
      case 'freeze': {
        const held = this.holdings(who).find((a) => a.reference === item.reference);
        const frozenFen =
          held?.balanceFen !== undefined ? Math.min(held.balanceFen, item.amountFen ?? 0) : (item.amountFen ?? 0);
        return reply(who.freeze, SIMULATED_DELAY_HOURS.order, { frozenFen }, '账户已销户');
      }
      case 'deduct':
        return reply(
          who.deduct,
          SIMULATED_DELAY_HOURS.order,
          { amountFen: item.amountFen ?? 0, reference: `HK${Math.floor(random() * 1e9)}` },
          '扣划失败',
        );
      case 'asset-report':
        return reply(
          who.assetReport === 'silent' ? 'silent' : 'ok',
          SIMULATED_DELAY_HOURS.eService,
          { outcome: 'reported' },
          '',
        );
      case 'credit-publish': {
        const script = this.caseScript(request);
        if (script.creditSilent?.includes(item.itemId)) return undefined;
        // The first round goes to every recipient; later rounds only to those that did not acknowledge.
        const firstRound = request.items.length === CREDIT_RECIPIENTS.length;
        const failing = script.creditFailFirst
          ? script.creditFailFirst.includes(item.itemId) && firstRound
          : random() < 0.1;
        return reply(failing ? 'failed' : 'ok', SIMULATED_DELAY_HOURS.credit, { acknowledged: true }, '接口暂不可用');
      }
      case 'sanction-service':
        return reply(
          who.eService ?? 'ok',
          SIMULATED_DELAY_HOURS.eService,
          { receipt: `ES${Math.floor(random() * 1e9)}` },
          '电子送达地址无效',
        );
      case 'custody':
        return reply(
          this.caseScript(request).custody === 'silent' ? 'silent' : 'ok',
          SIMULATED_DELAY_HOURS.custody,
          { confirmed: true },
          '',
        );
      case 'family-notice':
        return reply(
          this.caseScript(request).familyNotice === 'silent' ? 'silent' : 'ok',
          SIMULATED_DELAY_HOURS.familyNotice,
          { notified: true },
          '',
        );
      case 'review-request': {
        const review = this.caseScript(request).review ?? 'none';
        return review === 'none' ? undefined : reply('ok', SIMULATED_DELAY_HOURS.review, { requested: true }, '');
      }
      case 'review-decision': {
        const review = this.caseScript(request).review;
        return reply('ok', SIMULATED_DELAY_HOURS.review, { outcome: review === 'revoked' ? 'revoked' : 'upheld' }, '');
      }
      case 'police-referral': {
        const police = this.caseScript(request).police ?? 'opened';
        if (police === 'silent') return undefined;
        const outcome =
          police === 'complex' && request.method !== 'complex' ? 'complex' : police === 'complex' ? 'opened' : police;
        const reasons = outcome === 'refused' ? '现有证据不足以证明被执行人有能力履行' : undefined;
        return reply('ok', SIMULATED_DELAY_HOURS.referral, { outcome, ...(reasons ? { reasons } : {}) }, '');
      }
      case 'procuratorate': {
        const answer = this.caseScript(request).procuratorate ?? 'opened';
        if (answer === 'silent') return undefined;
        return reply('ok', SIMULATED_DELAY_HOURS.referral, { outcome: answer }, '');
      }
      case 'detention-term':
      case 'performance-watch':
      case 'settlement-installment':
        // Answered by the court (early release) or the case account (money), never by a partner.
        return undefined;
      case 'renew': {
        if (item.toCourt) {
          const court = this.script.courts?.[item.toCourt];
          if (court?.renewal === 'silent') return undefined;
          const afterHours =
            court?.renewalAfterDays !== undefined
              ? court.renewalAfterDays * 24
              : between(random, SIMULATED_DELAY_HOURS.entrustment);
          return court?.renewal === 'failed'
            ? { afterHours, outcome: 'failed', result: { reason: '受托法院退回：续行查封手续不全' } }
            : { afterHours, outcome: 'ok', result: { detail: '受托法院已办理续行查封登记' } };
        }
        const behaviour = who.renew ?? (random() < 0.05 ? 'failed' : 'ok');
        return reply(
          behaviour,
          SIMULATED_DELAY_HOURS.renewal,
          { detail: '已办理续行' },
          '协助执行单位退回：续行手续不全',
        );
      }
      case 'applicant-interview': {
        const opinion = this.caseScript(request).interview ?? 'agrees';
        if (opinion === 'silent') return undefined;
        return reply(
          'ok',
          SIMULATED_DELAY_HOURS.interview,
          {
            opinion,
            note:
              opinion === 'agrees' ? '同意终结本次执行程序，发现财产线索将及时提供' : '不同意，认为被执行人尚有财产',
          },
          '',
        );
      }
      case 'entrust': {
        const court = this.script.courts?.[item.toCourt ?? ''];
        if (court?.entrustment === 'silent') return undefined;
        const afterHours =
          court?.afterDays !== undefined ? court.afterDays * 24 : between(random, SIMULATED_DELAY_HOURS.entrustment);
        return {
          afterHours,
          outcome: 'ok',
          result: { outcome: court?.entrustment ?? 'completed', detail: '受托法院已办理查封登记' },
        };
      }
    }
  }
}

/** SIMULATOR of the bank holding the case accounts: records the payment, and answers with a reference. */
export class PaymentSimulator {
  async pay(order: { readonly entryId: string }): Promise<{ readonly reference: string }> {
    return { reference: `PAY-${order.entryId}` };
  }
}
