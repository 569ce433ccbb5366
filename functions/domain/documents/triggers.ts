/**
 * Which documents a case's journal calls for: each act that the law makes in writing (a notice served, a ruling on
 * a freeze or a seal, an entrustment, a restriction, a listing, a sanction, an auction, a sale, a referral, the
 * closure) maps to the templates that record it, with the act's own fields. Pure: the case record and its journal in,
 * the requests out; a request's key is stable, so issuing is idempotent.
 */
import type { Instant } from '../calendar/local-date.ts';
import { chinaDateOf } from '../calendar/local-date.ts';
import type { Commit } from '../case/events.ts';
import type { Asset, ClosureWay, EnforcementCase } from '../case/model.ts';
import { CONDUCT_LABELS } from '../coercion/labels.ts';
import type { Fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { disputeWatcher } from './dispute-triggers.ts';
import { measureDocuments } from './measure-triggers.ts';
import { amountText, chineseCount, chineseDate } from './numerals.ts';
import { deductionAct } from './service-documents.ts';
import type { DocumentKind } from './templates.ts';

export interface DocumentRequest {
  readonly kind: DocumentKind;
  /** Stable: the commit and the act, e.g. `12:asset-frozen:A1`. */
  readonly key: string;
  readonly at: Instant;
  /** The act's fields (the case's own are added by caseFields). */
  readonly fields: Readonly<Record<string, string>>;
}

const CLOSURE_WAYS: Readonly<Record<ClosureWay, { readonly way: string; readonly reason: string }>> = {
  'fully-performed': { way: '执行完毕', reason: '已全部执行完毕' },
  'final-round-closure': { way: '终结本次执行程序', reason: '经穷尽财产调查措施，未发现可供执行的财产' },
  termination: { way: '终结执行', reason: '依法终结执行' },
  withdrawal: { way: '撤回申请', reason: '申请执行人撤回执行申请' },
  'non-enforcement': { way: '不予执行', reason: '依法裁定不予执行' },
  rejection: { way: '驳回申请', reason: '依法裁定驳回执行申请' },
};

const SEALED_CLASSES: ReadonlySet<Asset['class']> = new Set(['real-estate', 'vehicle', 'securities']);

function assetDescription(asset: Asset | undefined): string | undefined {
  if (!asset) return undefined;
  const what =
    asset.class === 'deposit'
      ? '银行账户'
      : asset.class === 'online-funds'
        ? '网络资金账户'
        : asset.class === 'real-estate'
          ? '不动产'
          : asset.class === 'vehicle'
            ? '机动车'
            : '证券';
  return `${what}（${asset.reference}）`;
}

function assetFields(state: EnforcementCase, assetId: string): Record<string, string> {
  const asset = state.assets[assetId];
  const description = assetDescription(asset);
  return {
    ...(description ? { assetDescription: description } : {}),
    ...(asset?.institution ? { institution: asset.institution } : {}),
  };
}

/**
 * The public security bureau a basic court refers 拒执罪 to: the one of its county or district (青县人民法院 →
 * 青县公安局). A court not named that way gets none, and the referral letter reports the field missing.
 */
function policeOf(courtName: string): Record<string, string> {
  const match = /^(.+?[县区市旗])人民法院$/.exec(courtName);
  return match ? { policeStation: `${match[1]}公安局` } : {};
}

function money(amount: Fen | undefined): Record<string, string> {
  return amount === undefined ? {} : { amount: amountText(amount) };
}

/** A freeze's (or seal's) ruling and the assistance notice to the bank or registry. */
function addFreezeDocuments(
  state: EnforcementCase,
  assetId: string,
  amountFen: Fen | undefined,
  add: (kind: DocumentKind, fields: Record<string, string>) => void,
): void {
  const asset = state.assets[assetId];
  const sealed = asset !== undefined && SEALED_CLASSES.has(asset.class);
  const fields = { ...assetFields(state, assetId), ...money(amountFen) };
  add(sealed ? 'seal-ruling' : 'freeze-ruling', fields);
  add('assistance-notice', { ...fields, action: sealed ? '查封' : '冻结' });
}

/** The documents the journal calls for, in journal order. */
export function documentRequests(
  state: EnforcementCase,
  history: readonly Commit[],
  rules: Pick<Rules, 'V2'>,
): DocumentRequest[] {
  const requests: DocumentRequest[] = [];
  const disputes = disputeWatcher(state, rules);
  const add = (commit: Commit, kind: DocumentKind, act: string, fields: Record<string, string> = {}) =>
    requests.push({ kind, key: `${commit.seq}:${act}:${kind}`, at: commit.at, fields });
  let detentionKey: string | undefined;
  // Assets whose ruling and notice went with the order (freeze-ordered): their freeze calls for no second pair.
  const ordered = new Set<string>();
  // 终本: the ruling is issued when approved (final-round-ruled), before its service and the closure.
  let ruled = false;
  for (const commit of history) {
    for (const event of commit.events) {
      switch (event.type) {
        case 'documents-issued':
          // A respondent who joined by a ruling gets the notice and the order addressed to him alone.
          for (const doc of event.documents) {
            const joined = doc.respondentId
              ? state.respondents.find((r) => r.partyId === doc.respondentId)?.name
              : undefined;
            add(commit, doc.kind, doc.docId, joined ? { respondentName: joined } : {});
          }
          break;
        case 'freeze-ordered':
          for (const order of event.orders) {
            ordered.add(order.assetId);
            addFreezeDocuments(state, order.assetId, order.amountFen, (kind, fields) =>
              add(commit, kind, order.assetId, fields),
            );
          }
          break;
        case 'deduction-ordered':
          // The deduction's ruling (划拨) and the assistance notice to the bank, carried by the order.
          for (const order of event.orders) {
            const fields = { ...assetFields(state, order.assetId), ...money(order.amountFen) };
            add(commit, 'deduction-ruling', deductionAct(order.assetId), fields);
            add(commit, 'assistance-notice', deductionAct(order.assetId), { ...fields, action: '扣划' });
          }
          break;
        case 'asset-frozen':
          // A freeze ordered before the orders carried their documents, or done by an entrusted court: on the receipt.
          if (ordered.has(event.assetId)) break;
          addFreezeDocuments(state, event.assetId, event.amountFen, (kind, fields) =>
            add(commit, kind, event.assetId, fields),
          );
          break;
        case 'entrustment-sent':
          add(commit, 'entrustment-letter', event.entrustment.matterId, {
            ...assetFields(state, event.entrustment.assetId),
            toCourt: event.entrustment.toCourt.name,
          });
          break;
        case 'restriction-issued':
          add(commit, 'restriction-order', 'restriction');
          break;
        case 'debtor-listed':
          add(commit, 'listing-decision', 'listing', {
            ground: event.grounds.map((g) => CONDUCT_LABELS[g]).join('、'),
            // Ground (一) alone has no fixed term (法释〔2017〕7号 第二条): listed until the obligation is performed.
            period:
              event.years !== undefined && event.until !== undefined
                ? `${chineseCount(event.years)}年（至${chineseDate(event.until)}）`
                : '不设固定期限（履行完毕后删除）',
          });
          break;
        case 'sanction-served': {
          const sanction = state.coercion?.sanction;
          if (!sanction) break;
          const ground = sanction.grounds.map((g) => CONDUCT_LABELS[g]).join('、');
          if (sanction.kind === 'fine')
            add(commit, 'fine-decision', event.docId, { ground, ...money(sanction.approvedFen) });
          else {
            detentionKey = `${commit.seq}:${event.docId}:detention-decision`;
            add(commit, 'detention-decision', event.docId, {
              ground,
              ...(sanction.approvedDays ? { days: chineseCount(sanction.approvedDays) } : {}),
            });
          }
          break;
        }
        case 'early-release-ordered':
          add(commit, 'early-release-decision', 'early-release', {
            reason: event.reason,
            ...(detentionKey ? { detentionKey } : {}),
          });
          break;
        case 'auction-announced':
          add(commit, 'auction-notice', event.auctionId, {
            ...assetFields(state, event.assetId),
            auctionStart: chineseDate(chinaDateOf(event.startsAt)),
            startPrice: amountText(event.startingPriceFen),
            deposit: amountText(event.depositFen),
            round: chineseCount(event.round),
          });
          break;
        case 'sale-confirmed': {
          const rounds = state.disposal?.lots[event.assetId]?.rounds ?? [];
          const buyer = rounds.findLast((r) => r.outcome === 'sold')?.buyer;
          add(commit, 'sale-confirmation-ruling', event.docId, {
            ...assetFields(state, event.assetId),
            price: amountText(event.priceFen),
            ...(buyer ? { buyer } : {}),
          });
          break;
        }
        case 'in-lieu-ruled':
          add(commit, 'in-lieu-ruling', event.docId, {
            ...assetFields(state, event.assetId),
            price: amountText(event.valueFen),
          });
          break;
        case 'referral-sent':
          add(commit, 'referral-letter', 'referral', {
            ...policeOf(state.court.name),
            ground: event.grounds.map((g) => CONDUCT_LABELS[g as keyof typeof CONDUCT_LABELS] ?? g).join('、'),
          });
          break;
        case 'exit-ban-decided':
        case 'exit-ban-lifted':
        case 'reward-published':
        case 'bankruptcy-decided':
          for (const doc of measureDocuments(state, event)) add(commit, doc.kind, doc.act, doc.fields);
          break;
        case 'final-round-ruled':
          ruled = true;
          add(commit, 'termination-ruling', 'closure');
          break;
        case 'case-closed': {
          const closure = CLOSURE_WAYS[event.way];
          // Journals from before 法〔2016〕373号 第六条 was modelled issued the 终本 ruling with the closure itself.
          if (event.way === 'final-round-closure' && !ruled) add(commit, 'termination-ruling', 'closure');
          add(commit, 'closure-notice', 'closure', { closureWay: closure.way, closureReason: closure.reason });
          break;
        }
        default:
          // The disputes' acts (objections, distribution, suspension, reversal, party change, relief).
          for (const doc of disputes(event, commit.at)) add(commit, doc.kind, doc.act, doc.fields);
          break;
      }
    }
  }
  return requests;
}
