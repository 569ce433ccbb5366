/**
 * SIMULATOR of the outside parties: the e-service platform, the post, the bank and registry network (网络查控),
 * other courts taking entrusted matters, the police and procuratorate, the online inquiry platforms and appraisers,
 * the online judicial auction platform (bids over time, extensions, buyers who do not pay) and the applicant. It sits behind the same PartnerGateway port a real adapter would,
 * and behaves like the real contract: answers arrive later, item by item, some fail, some never come.
 *
 * What each respondent "has" is scripted per case for tests and demos (by ID number); without a script, a
 * deterministic pseudo-random world is derived from the party id, so runs repeat exactly.
 */
import { createHash } from 'node:crypto';
import type { PartnerCallback } from '#contracts/partner-answers.ts';
import { chinaDateOf, type Instant, plusDays, plusSeconds } from '#domain/calendar/local-date.ts';
import type { AssetClass } from '#domain/case/model.ts';
import { CREDIT_RECIPIENTS } from '#domain/coercion/plan.ts';
import { seizureExpiry } from '#domain/control/plan.ts';
import {
  entrustmentDocumentsProblem,
  orderDocumentsProblem,
  publicationDocumentsProblem,
} from '#domain/documents/service-documents.ts';
import { caseIdFor } from '#domain/ids.ts';
import { INQUIRY_CHANNELS } from '#domain/partners/channels.ts';
import type { RequestItem } from '#domain/partners/requests.ts';
import { RULES } from '#domain/rules/values.ts';
import type { Clock } from '#ports/clock.ts';
import type { PartnerGateway, PartnerRequest } from '#ports/partner-requests.ts';
import { type AuthorityScript, measureAuthorityAnswer } from './measure-authorities.ts';

/** ok: answers in the usual time; late: answers, but well after the wait; failed: answers no; silent: never. */
export type Behaviour = 'ok' | 'late' | 'failed' | 'silent';

export interface ScriptedAsset {
  readonly channel: string;
  readonly class: AssetClass;
  readonly reference: string;
  readonly balanceFen?: number;
  readonly region?: string;
  readonly locatedCourt?: { readonly code: string; readonly name: string };
  /** What the property is worth on the market (valuers answer around it; bidders bid from the starting price). */
  readonly valueFen?: number;
}

export interface RespondentScript {
  readonly eService?: Behaviour;
  readonly postal?: Behaviour;
  readonly assets?: readonly ScriptedAsset[];
  /** Channels that never answer the inquiry. */
  readonly silentChannels?: readonly string[];
  /** How the banks and registries answer the network inquiry about this respondent (unscripted: in the usual time). */
  readonly inquiry?: Behaviour;
  readonly freeze?: Behaviour;
  /**
   * B1: the last day the bank's receipt states: none (the period is counted from the receipt's day), or the day
   * before the anniversary, as some banks register a year's freeze.
   */
  readonly receiptExpiry?: 'none' | 'day-before';
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
  /** Recipients that answer every removal of a listing (C6) with a failure: they never confirm it. */
  readonly removalFailing?: readonly string[];
  /** The applicant heard before 终本 (G2): agrees (default), objects, or never answers. */
  readonly interview?: 'agrees' | 'objects' | 'silent';
  /** How the case's property fares at disposal. */
  readonly disposal?: DisposalScript;
  /** How the exit-entry authority and the court receiving a bankruptcy referral answer (./measure-authorities.ts). */
  readonly authorities?: AuthorityScript;
}

export interface DisposalScript {
  /** Each auction of a lot in turn: sold, failed (no bid), or sold to a buyer who then does not pay. Default: sold. */
  readonly auctions?: readonly ('sold' | 'failed' | 'default')[];
  /** How far above the starting price the winning bid ends, in percent. */
  readonly premiumPercent?: number;
  /** A holder of a preemptive right matches the top bid and wins the tie (E7). */
  readonly preemptiveMatch?: boolean;
  /** The applicant, registered with the platform as 申请执行人, bids and wins (E5: no deposit, or the difference). */
  readonly applicantBids?: boolean;
  readonly pricing?: 'ok' | 'silent';
  /** The applicant's answer to each offer in lieu in turn (E9: one after every failed auction); one answer: all. */
  readonly inLieu?: 'accept' | 'decline' | 'accept-unpaid' | readonly ('accept' | 'decline' | 'accept-unpaid')[];
  readonly fixedPrice?: 'sold' | 'unsold';
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
  onlineInquiry: [4, 60],
  appraisal: [24 * 12, 24 * 25],
  auctionReport: [1, 3],
  balance: [24 * 3, 24 * 10],
  applicant: [24 * 2, 24 * 6],
  fixedPrice: [24 * 5, 24 * 40],
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

/**
 * A world for an unscripted respondent: usually a deposit or two, sometimes online funds, rarely property. Drawn
 * from the party id, which is keyed with the installation's key: the same person has another world in another data
 * directory. A scenario that needs a particular path scripts its respondent (SimulatorScript.respondents).
 */
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

  /**
   * `partyIdOf`: the party id of an ID number (keyed with the installation's key), so that a script may name a
   * respondent by ID number; without it, only by party id.
   */
  constructor(script: SimulatorScript, deliver: Deliver, clock: Clock, partyIdOf?: (idNumber: string) => string) {
    this.script = script;
    this.deliver = deliver;
    this.clock = clock;
    this.partyIdOf = partyIdOf;
  }

  private readonly partyIdOf: ((idNumber: string) => string) | undefined;

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
      if (key === partyId || this.partyIdOf?.(key) === partyId) return script;
    }
    return defaultWorld(partyId);
  }

  /** Valuers answer around the market value: each inquiry platform a little off, an appraiser close to it. */
  private pricing(request: PartnerRequest, item: RequestItem, random: () => number) {
    if (this.caseScript(request).disposal?.pricing === 'silent') return undefined;
    const value = scriptedAsset(this.script, item.reference)?.valueFen ?? 100_000_000;
    const appraisal = request.method === 'appraisal';
    const spread = appraisal ? 0.01 : 0.04;
    const valueFen = Math.round(value * (1 - spread + random() * 2 * spread));
    const delay = appraisal ? SIMULATED_DELAY_HOURS.appraisal : SIMULATED_DELAY_HOURS.onlineInquiry;
    return {
      afterHours: between(random, delay),
      outcome: 'ok' as const,
      result: { valueFen, report: appraisal ? `评估报告${Math.floor(random() * 1e6)}号` : `${item.itemId}询价报告` },
    };
  }

  /**
   * An auction as the platform runs it: bids from the starting price in steps over the bidding window, the last ones
   * in the closing minutes, each late bid moving the close 5 minutes on; the result reported shortly after.
   */
  private auction(request: PartnerRequest, item: RequestItem, random: () => number) {
    const script = this.caseScript(request).disposal ?? {};
    const round = Number(request.method?.replace('round-', '') ?? 1);
    const outcome = script.auctions?.[round - 1] ?? 'sold';
    const opensAt = item.opensAt ?? this.clock.now();
    const closesAt = item.closesAt ?? plusSeconds(opensAt, 86_400);
    const start = item.amountFen ?? 0;
    const reportAfter = (endedAt: Instant) =>
      Math.max(0, (Date.parse(endedAt) - Date.parse(this.clock.now())) / 3_600_000) +
      between(random, SIMULATED_DELAY_HOURS.auctionReport);
    if (outcome === 'failed') {
      return {
        afterHours: reportAfter(closesAt),
        outcome: 'ok' as const,
        result: { outcome: 'failed', endedAt: closesAt, bids: 0, topBids: [] },
      };
    }
    const target = Math.round(start * (1 + (script.premiumPercent ?? 8) / 100));
    const step = Math.max(100, Math.round(start / 100));
    const bidders = ['A1024', 'B2048', 'C4096'];
    const bids: { bidder: string; priceFen: number; at: Instant; preemptive?: boolean; rank?: number }[] = [];
    let price = start;
    let at = plusSeconds(opensAt, 3600);
    let close = closesAt;
    const window = (Date.parse(closesAt) - Date.parse(opensAt)) / 1000;
    for (let i = 0; price < target; i++) {
      const bidder = bidders[i % bidders.length] ?? 'A1024';
      bids.push({ bidder, priceFen: price, at });
      price = Math.min(target, price + step);
      // Bids spread over the day, then crowd into the closing minutes.
      at =
        price >= target - 2 * step ? plusSeconds(close, -120) : plusSeconds(at, Math.max(60, Math.floor(window / 40)));
      if (at > close) at = plusSeconds(close, -60);
      const extended = plusSeconds(at, 300);
      if (extended > close) close = extended;
    }
    bids.push({ bidder: bidders[bids.length % bidders.length] ?? 'A1024', priceFen: target, at });
    const lastAt = bids.at(-1)?.at ?? at;
    if (plusSeconds(lastAt, 300) > close) close = plusSeconds(lastAt, 300);
    if (script.preemptiveMatch) {
      // The holder of a preemptive right matches the top bid (优先购买权人 bids the same price and wins the tie).
      const matchAt = plusSeconds(lastAt, 60);
      bids.push({ bidder: 'P0001', priceFen: target, at: matchAt, preemptive: true, rank: 1 });
      if (plusSeconds(matchAt, 300) > close) close = plusSeconds(matchAt, 300);
    }
    const top = [...bids]
      .sort(
        (a, b) =>
          b.priceFen - a.priceFen ||
          Number(b.preemptive === true) - Number(a.preemptive === true) ||
          a.at.localeCompare(b.at),
      )
      .slice(0, 5);
    const winner = top[0];
    return {
      afterHours: reportAfter(close),
      outcome: 'ok' as const,
      result: {
        outcome: 'sold',
        endedAt: close,
        bids: bids.length,
        priceFen: winner?.priceFen ?? target,
        buyer: script.applicantBids ? 'APPLICANT' : (winner?.bidder ?? 'A1024'),
        ...(script.applicantBids ? { applicantBuyer: true } : {}),
        topBids: script.applicantBids ? top.map((b, i) => (i === 0 ? { ...b, bidder: 'APPLICANT' } : b)) : top,
      },
    };
  }

  async send(request: PartnerRequest): Promise<void> {
    const now = this.clock.now();
    for (const [index, item] of request.items.entries()) {
      // Seeded by what was asked, never by an id: request and item ids may carry party ids, which are keyed with the
      // installation's own key, and the same case must play out the same in every data directory.
      const random = seeded(
        [request.execution, request.kind, request.createdAt, index, item.channel ?? '', item.reference ?? ''].join('|'),
      );
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
          {
            receipt: `${electronic ? 'ES' : 'EMS'}${Math.floor(random() * 1e9)}`,
            // The platform's receipt names what it delivered: each document's number and SHA-256.
            ...(item.documents
              ? { documents: item.documents.map((d) => ({ number: d.number, sha256: d.sha256 })) }
              : {}),
          },
          electronic ? '电子送达地址无效' : '查无此人，邮件退回',
        );
      }
      case 'inquiry': {
        if (!item.channel || who.silentChannels?.includes(item.channel)) return undefined;
        const assets = this.holdings(who)
          .filter((a) => a.channel === item.channel)
          .map(({ channel: _channel, ...asset }) => asset);
        return reply(who.inquiry ?? 'ok', SIMULATED_DELAY_HOURS.inquiry, { assets }, '查询失败');
      }
      case 'freeze': {
        const held = this.holdings(who).find((a) => a.reference === item.reference);
        const frozenFen =
          held?.balanceFen !== undefined ? Math.min(held.balanceFen, item.amountFen ?? 0) : (item.amountFen ?? 0);
        // The bank freezes on the day the order reaches it; its receipt comes back with the answer.
        const frozenOn = chinaDateOf(this.clock.now());
        const receipt =
          who.receiptExpiry === 'day-before' && held
            ? { frozenOn, expiresOn: plusDays(seizureExpiry(frozenOn, held.class, RULES), -1) }
            : {};
        // An order that carries documents must carry its ruling and assistance notice; the receipt names them.
        const refused = item.documents ? orderDocumentsProblem(item.documents) : undefined;
        if (refused) return reply('failed', SIMULATED_DELAY_HOURS.order, {}, refused);
        const documents = item.documents?.map((d) => ({ number: d.number, sha256: d.sha256 }));
        return reply(
          who.freeze,
          SIMULATED_DELAY_HOURS.order,
          { frozenFen, ...receipt, ...(documents ? { documents } : {}) },
          '账户已销户',
        );
      }
      case 'deduct': {
        // A deduction that carries documents must carry its ruling (划拨) and assistance notice; the receipt names them.
        const refused = item.documents ? orderDocumentsProblem(item.documents, 'deduct') : undefined;
        if (refused) return reply('failed', SIMULATED_DELAY_HOURS.order, {}, refused);
        const documents = item.documents?.map((d) => ({ number: d.number, sha256: d.sha256 }));
        return reply(
          who.deduct,
          SIMULATED_DELAY_HOURS.order,
          {
            amountFen: item.amountFen ?? 0,
            reference: `HK${Math.floor(random() * 1e9)}`,
            ...(documents ? { documents } : {}),
          },
          '扣划失败',
        );
      }
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
        const failing =
          (request.method === 'listing-removed' && script.removalFailing?.includes(item.itemId)) ||
          (script.creditFailFirst ? script.creditFailFirst.includes(item.itemId) && firstRound : random() < 0.1);
        // A publication that carries documents must carry its own (the restriction order, the listing decision).
        const refused = item.documents ? publicationDocumentsProblem(request.method ?? '', item.documents) : undefined;
        if (refused) return reply('failed', SIMULATED_DELAY_HOURS.credit, {}, refused);
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
        // Ordered by the procuratorate (D3), the police open the case.
        if (request.method === 'ordered') return reply('ok', SIMULATED_DELAY_HOURS.referral, { outcome: 'opened' }, '');
        const outcome =
          police === 'complex' && request.method !== 'complex' ? 'complex' : police === 'complex' ? 'opened' : police;
        const reasons = outcome === 'refused' ? '现有证据不足以证明被执行人有能力履行' : undefined;
        return reply('ok', SIMULATED_DELAY_HOURS.referral, { outcome, ...(reasons ? { reasons } : {}) }, '');
      }
      case 'procuratorate': {
        const answer = this.caseScript(request).procuratorate ?? 'opened';
        if (answer === 'silent') return undefined;
        // D3: first the notice to the police to explain; after their explanation, the order or the refusal upheld.
        const outcome =
          request.method === 'explanation'
            ? answer === 'opened'
              ? 'ordered'
              : 'refusal-upheld'
            : 'explanation-requested';
        return reply('ok', SIMULATED_DELAY_HOURS.referral, { outcome }, '');
      }
      case 'detention-term':
      case 'performance-watch':
      case 'settlement-installment':
        // Answered by the court (early release) or the case account (money), never by a partner.
        return undefined;
      case 'pricing':
        return this.pricing(request, item, random);
      case 'auction':
        return this.auction(request, item, random);
      case 'balance': {
        const round = Number(request.method?.replace('round-', '') ?? 0);
        const outcome = this.caseScript(request).disposal?.auctions?.[round - 1];
        if (outcome === 'default') return undefined;
        return reply('ok', SIMULATED_DELAY_HOURS.balance, { paidFen: item.amountFen ?? 0 }, '');
      }
      case 'in-lieu': {
        const disposal = this.caseScript(request).disposal;
        const script = disposal?.inLieu ?? 'accept';
        // Which offer this is: one after every failed auction, counted in the scripted auctions up to its round.
        const after = Number(request.method?.replace('after-round-', '') ?? Number.NaN);
        const failed = (disposal?.auctions ?? []).slice(0, Number.isNaN(after) ? undefined : after);
        const offer = Math.max(0, failed.filter((a) => a === 'failed').length - 1);
        const answer = typeof script === 'string' ? script : (script[offer] ?? script.at(-1) ?? 'accept');
        const accepted = answer !== 'decline';
        const differencePaidFen = answer === 'accept' ? (item.differenceFen ?? 0) : 0;
        return reply(
          'ok',
          SIMULATED_DELAY_HOURS.applicant,
          { accepted, ...(item.differenceFen ? { differencePaidFen } : {}) },
          '',
        );
      }
      case 'fixed-price': {
        const sold = (this.caseScript(request).disposal?.fixedPrice ?? 'sold') === 'sold';
        if (!sold) {
          // Nobody buys: the platform reports it when the sale period ends.
          const hours = Math.max(
            1,
            Math.floor((Date.parse(request.dueAt) - Date.parse(this.clock.now())) / 3_600_000) - 2,
          );
          return { afterHours: hours, outcome: 'ok', result: { sold: false } };
        }
        return reply(
          'ok',
          SIMULATED_DELAY_HOURS.fixedPrice,
          { sold: true, priceFen: item.amountFen ?? 0, buyer: `变卖买受人${Math.floor(random() * 900 + 100)}` },
          '',
        );
      }
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
      case 'exit-entry':
      case 'bankruptcy-review':
      case 'auction-withdrawal':
        return measureAuthorityAnswer(request, item, random, this.caseScript(request));
      case 'entrust': {
        const court = this.script.courts?.[item.toCourt ?? ''];
        if (court?.entrustment === 'silent') return undefined;
        // An entrustment that carries documents must carry its letter (执行事项委托函).
        const refused = item.documents ? entrustmentDocumentsProblem(item.documents) : undefined;
        // The entrusted court returns it undone, saying why (reported back, as it does any matter it cannot do).
        if (refused) return { afterHours: 1, outcome: 'ok', result: { outcome: 'reported-back', detail: refused } };
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

/** A scripted asset by its reference, whichever respondent holds it. */
function scriptedAsset(script: SimulatorScript, reference: string | undefined): ScriptedAsset | undefined {
  if (!reference) return undefined;
  for (const respondent of Object.values(script.respondents ?? {})) {
    const found = respondent.assets?.find((a) => a.reference === reference);
    if (found) return found;
  }
  return undefined;
}

/** SIMULATOR of the bank holding the case accounts: records the payment, and answers with a reference. */
export class PaymentSimulator {
  async pay(order: { readonly entryId: string }): Promise<{ readonly reference: string }> {
    return { reference: `PAY-${order.entryId}` };
  }
}
