/**
 * The document templates: one per kind of act, as data. Each names its legal basis, the official style it follows
 * (the Supreme People's Court's 民事执行文书样式, 2016, as amended), the series its number is drawn from, and its body
 * with `{field}` placeholders. The fields a template needs are exactly the placeholders it uses (checked by a test);
 * composing with one missing is an error naming it (compose.ts), never a blank in the document.
 *
 * Periods come from the rule table (compose.ts `ruleFields`), never written into a template.
 *
 * A template is never edited in place once documents were issued from it: a change is a new version, and a document
 * records the version it was rendered from.
 */

import { DISPUTE_TEMPLATES, type DisputeDocumentKind } from './dispute-templates.ts';

const CPL = '《中华人民共和国民事诉讼法》(2023年修正)';
const INVESTIGATION_2017 = '《最高人民法院关于民事执行中财产调查若干问题的规定》(法释〔2017〕8号)';
const SEIZURE_2020 = '《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》(2020年修正)';
const AUCTION_2020 = '《最高人民法院关于人民法院民事执行中拍卖、变卖财产的规定》(2020年修正)';
const ONLINE_AUCTION_2016 = '《最高人民法院关于人民法院网络司法拍卖若干问题的规定》(法释〔2016〕18号)';
const RESTRICTION_2015 = '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》(2015年修正)';
const LISTING_2017 = '《最高人民法院关于公布失信被执行人名单信息的若干规定》(2017年修正)';
const INTERPRETATION_2022 = '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》(2022年修正)';
const ENTRUSTMENT_2011 = '《最高人民法院关于委托执行若干问题的规定》(2020年修正)';
const CASE_FILING_2014 = '《最高人民法院关于执行案件立案、结案若干问题的意见》(法发〔2014〕26号)';
const CRIMINAL_LAW = '《中华人民共和国刑法》(2023年修正)';
const FINAL_ROUND_2016 = '《最高人民法院关于严格规范终结本次执行程序的规定（试行）》(法〔2016〕373号)';
/**
 * 法〔2016〕221号 is the notice issuing 《人民法院民事裁判文书制作规范》 and 《民事诉讼文书样式》 (2016-06-28); the
 * style names under it are not checked against the collection (its list was not found): each carries STYLE_TO_CHECK.
 */
const ENFORCEMENT_PROCEDURE_2020 =
  '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉执行程序若干问题的解释》(法释〔2008〕13号，2020年修正)';
const EXIT_ENTRY_LAW = '《中华人民共和国出境入境管理法》';
const BANKRUPTCY_REFERRAL_2017 = '《最高人民法院关于执行案件移送破产审查若干问题的指导意见》(法发〔2017〕2号)';
const STYLE = '最高人民法院《民事诉讼文书样式》(法〔2016〕221号)';
const STYLE_TO_CHECK = '（样式名称待核实）';
/**
 * Article numbers checked against the text are given plainly; the rest carry 条文序号待核实, each with its reason in a
 * comment and in docs/documents.md.
 */
const TO_CHECK = '（条文序号待核实）';

export type DocumentKind =
  | 'enforcement-notice'
  | 'asset-report-order'
  | 'freeze-ruling'
  | 'seal-ruling'
  | 'deduction-ruling'
  | 'assistance-notice'
  | 'entrustment-letter'
  | 'restriction-order'
  | 'listing-decision'
  | 'fine-decision'
  | 'detention-decision'
  | 'early-release-decision'
  | 'auction-notice'
  | 'sale-confirmation-ruling'
  | 'in-lieu-ruling'
  | 'termination-ruling'
  | 'closure-notice'
  | 'referral-letter'
  | 'exit-ban-decision'
  | 'exit-ban-assistance'
  | 'exit-ban-lift'
  | 'reward-notice'
  | 'bankruptcy-referral-decision'
  | DisputeDocumentKind;

export interface DocumentTemplate {
  readonly kind: DocumentKind;
  readonly version: number;
  readonly title: string;
  /** The number series (文号 middle part): per court, year and series. */
  readonly series: string;
  readonly basis: readonly string[];
  readonly style: string;
  /** Who the document is addressed to, a placeholder line ending in '：', or none (rulings name the parties). */
  readonly addressee?: string;
  readonly body: readonly string[];
}

const PARTIES = ['申请执行人：{applicants}。', '被执行人：{respondents}。'] as const;
const BASIS_LINE =
  '{applicants}与{respondents}{cause}一案，{basisCourt}作出的{basisNumber}法律文书已经发生法律效力。申请执行人于{filedDate}向本院申请强制执行，本院于同日立案。';

/**
 * Built in a function marked pure: the table's bodies spread shared lines (`...PARTIES`), which esbuild cannot prove
 * free of side effects, so without the mark every bundle importing this module kept the whole table, used or not.
 */
export const TEMPLATES: Readonly<Record<DocumentKind, DocumentTemplate>> = /* @__PURE__ */ (() => ({
  'enforcement-notice': {
    kind: 'enforcement-notice',
    version: 1,
    title: '执行通知书',
    series: '执通',
    basis: [`${CPL} 第二百五十一条`],
    style: `${STYLE} 执行通知书（执行实施类）${STYLE_TO_CHECK}`,
    addressee: '{respondentName}：',
    body: [
      BASIS_LINE,
      '依照《中华人民共和国民事诉讼法》的规定，责令你自收到本通知之日起立即履行下列义务：向申请执行人支付{claimTotal}，并负担执行费用。',
      '逾期不履行的，本院将依法强制执行，并可依法对你采取限制消费、纳入失信被执行人名单、罚款、拘留等措施；构成犯罪的，依法追究刑事责任。',
    ],
  },
  'asset-report-order': {
    kind: 'asset-report-order',
    version: 1,
    title: '报告财产令',
    series: '执报',
    basis: [`${CPL} 第二百五十二条`, `${INVESTIGATION_2017} 第三条、第四条`],
    style: `${STYLE} 报告财产令${STYLE_TO_CHECK}`,
    addressee: '{respondentName}：',
    body: [
      BASIS_LINE,
      '依照《中华人民共和国民事诉讼法》第二百五十二条的规定，责令你在收到本令后{reportPeriod}内，如实向本院报告当前以及收到执行通知之日前一年的财产情况，并填写所附财产调查表。',
      '报告财产后财产情况发生变动，影响申请执行人债权实现的，应当依照规定的期限向本院补充报告。',
      '拒绝报告或者虚假报告的，本院将根据情节轻重予以罚款、拘留，并纳入失信被执行人名单；构成犯罪的，依法追究刑事责任。',
    ],
  },
  'freeze-ruling': {
    kind: 'freeze-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    basis: [`${CPL} 第二百五十三条`, `${SEIZURE_2020} 第一条`],
    style: `${STYLE} 执行裁定书（冻结、划拨存款类）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '被执行人未按执行通知履行法律文书确定的义务。依照《中华人民共和国民事诉讼法》第二百五十三条的规定，裁定如下：',
      '冻结被执行人{respondents}在{institution}的{assetDescription}，冻结数额以{amount}为限。',
      '本裁定立即执行。',
    ],
  },
  'seal-ruling': {
    kind: 'seal-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    basis: [`${CPL} 第二百五十五条`, `${SEIZURE_2020} 第一条`],
    style: `${STYLE} 执行裁定书（查封、扣押财产类）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '被执行人未按执行通知履行法律文书确定的义务。依照《中华人民共和国民事诉讼法》的规定，裁定如下：',
      '查封被执行人{respondents}所有的{assetDescription}（登记机关：{institution}）。',
      '本裁定立即执行。',
    ],
  },
  'deduction-ruling': {
    kind: 'deduction-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    basis: [`${CPL} 第二百五十三条`],
    style: `${STYLE} 执行裁定书（冻结、划拨存款类）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '本院已依法冻结被执行人的存款。依照《中华人民共和国民事诉讼法》第二百五十三条的规定，裁定如下：',
      '划拨被执行人{respondents}在{institution}的{assetDescription}中的存款{amount}。',
      '本裁定立即执行。',
    ],
  },
  'assistance-notice': {
    kind: 'assistance-notice',
    version: 1,
    title: '协助执行通知书',
    series: '执协',
    basis: [`${CPL} 第二百五十三条`, `${SEIZURE_2020} 第一条`],
    style: `${STYLE} 协助执行通知书${STYLE_TO_CHECK}`,
    addressee: '{institution}：',
    body: [
      '关于{applicants}与{respondents}{cause}一案，本院作出的执行裁定已经发生法律效力。依照《中华人民共和国民事诉讼法》第二百五十三条的规定，请协助执行下列事项：',
      '{action}被执行人{respondents}的{assetDescription}，数额以{amount}为限。',
      '附：执行裁定书一份。',
    ],
  },
  'entrustment-letter': {
    kind: 'entrustment-letter',
    version: 1,
    title: '执行事项委托函',
    series: '执委',
    // Which rules govern a matter entrustment (事项委托, H1) is not settled from the sources searched: kept marked.
    basis: [`${ENTRUSTMENT_2011}${TO_CHECK}`, `${CPL} 第二百四十条`],
    style: `${STYLE} 委托执行函（事项委托）${STYLE_TO_CHECK}`,
    addressee: '{toCourt}：',
    body: [
      BASIS_LINE,
      '被执行人{respondents}在你院辖区内有{assetDescription}。依照《中华人民共和国民事诉讼法》的规定，特委托你院代为办理查封该财产的事项，并请于收到本函之日起{entrustmentPeriod}内将办理结果函告本院。',
      '附：执行裁定书、协助执行通知书各一份。',
    ],
  },
  'restriction-order': {
    kind: 'restriction-order',
    version: 1,
    title: '限制消费令',
    series: '执限',
    basis: [`${RESTRICTION_2015} 第一条、第三条、第五条`, `${CPL} 第二百六十六条`],
    style: `${STYLE} 限制消费令${STYLE_TO_CHECK}`,
    addressee: '{respondentName}：',
    body: [
      BASIS_LINE,
      '因你未按执行通知书指定的期间履行生效法律文书确定的给付义务，依照《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条、第三条的规定，对你采取限制消费措施，限制你不得实施高消费及非生活和工作必需的消费行为。',
      '如违反限制消费令，经查证属实的，本院将依照《中华人民共和国民事诉讼法》的规定予以罚款、拘留；情节严重，构成犯罪的，依法追究刑事责任。',
    ],
  },
  'listing-decision': {
    kind: 'listing-decision',
    version: 1,
    title: '决定书',
    series: '执失',
    basis: [`${LISTING_2017} 第一条、第二条、第五条`],
    style: `${STYLE} 纳入失信被执行人名单决定书${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '经查，被执行人{respondents}{ground}。依照《最高人民法院关于公布失信被执行人名单信息的若干规定》的规定，决定如下：',
      '将被执行人{respondents}纳入失信被执行人名单，期限{period}。',
      '如不服本决定，可以向本院申请纠正。',
    ],
  },
  'fine-decision': {
    kind: 'fine-decision',
    version: 1,
    title: '罚款决定书',
    series: '司惩',
    basis: [`${CPL} 第一百一十四条、第一百一十八条、第一百一十九条`],
    style: `${STYLE} 罚款决定书${STYLE_TO_CHECK}`,
    body: [
      '被罚款人：{respondents}。',
      BASIS_LINE,
      '本院查明：{ground}。依照《中华人民共和国民事诉讼法》的规定，决定如下：',
      '对{respondents}罚款{amount}。',
      '如不服本决定，可以在收到决定书之日起{reviewPeriod}内，向上一级人民法院申请复议一次。复议期间，不停止本决定的执行。',
    ],
  },
  'detention-decision': {
    kind: 'detention-decision',
    version: 1,
    title: '拘留决定书',
    series: '司惩',
    basis: [`${CPL} 第一百一十四条、第一百一十八条、第一百一十九条`],
    style: `${STYLE} 拘留决定书${STYLE_TO_CHECK}`,
    body: [
      '被拘留人：{respondents}。',
      BASIS_LINE,
      '本院查明：{ground}。依照《中华人民共和国民事诉讼法》的规定，经本院院长批准，决定如下：',
      '对{respondents}拘留{days}日，由公安机关看管。',
      '如不服本决定，可以在收到决定书之日起{reviewPeriod}内，向上一级人民法院申请复议一次。复议期间，不停止本决定的执行。',
    ],
  },
  'early-release-decision': {
    kind: 'early-release-decision',
    version: 1,
    title: '提前解除拘留决定书',
    series: '司惩',
    basis: [`${INTERPRETATION_2022} 第一百八十二条`],
    style: `${STYLE} 提前解除拘留决定书${STYLE_TO_CHECK}`,
    body: [
      '被拘留人：{respondents}。',
      '本院在执行{applicants}与{respondents}{cause}一案中，以{detentionNumber}拘留决定书对{respondents}予以拘留。',
      '经查：{reason}。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》的规定，经本院院长批准，决定如下：',
      '提前解除对{respondents}的拘留。',
    ],
  },
  'auction-notice': {
    kind: 'auction-notice',
    version: 1,
    title: '拍卖公告',
    series: '执拍',
    basis: [`${ONLINE_AUCTION_2016} 第十二条`, AUCTION_2020],
    style: `${STYLE} 拍卖公告（网络司法拍卖）${STYLE_TO_CHECK}`,
    body: [
      '本院在执行{applicants}与{respondents}{cause}一案中，将于{auctionStart}起在网络司法拍卖平台上公开拍卖被执行人{respondents}所有的{assetDescription}。',
      '起拍价：{startPrice}；保证金：{deposit}。拍卖为第{round}次拍卖。',
      '竞买人应当具备完全民事行为能力，并按平台规则交纳保证金。拍卖成交后，买受人应当在拍卖公告确定的期限内将剩余价款交付本院指定账户。',
      '特此公告。',
    ],
  },
  'sale-confirmation-ruling': {
    kind: 'sale-confirmation-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    // 第二十条 of the 2020 text is the 2004 text's 第二十三条 if the amendment removed three articles before it
    // (docs/documents.md); the amended text itself was not found: kept marked.
    basis: [`${AUCTION_2020} 第二十条${TO_CHECK}`, ONLINE_AUCTION_2016],
    style: `${STYLE} 执行裁定书（拍卖成交确认类）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '本院依法拍卖被执行人{respondents}所有的{assetDescription}，买受人（竞买号{buyer}）以最高价{price}竞得，并已交付全部价款。依照有关规定，裁定如下：',
      '一、{assetDescription}的所有权自本裁定送达买受人时起转移。',
      '二、解除对上述财产的查封。',
      '本裁定送达后即发生法律效力。',
    ],
  },
  'in-lieu-ruling': {
    kind: 'in-lieu-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    // 第十六条 of the 2020 text is the 2004 text's 第十九条 under the same shift; kept marked (docs/documents.md).
    basis: [`${AUCTION_2020} 第十六条${TO_CHECK}`],
    style: `${STYLE} 执行裁定书（以物抵债类）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '被执行人{respondents}所有的{assetDescription}经拍卖未能成交，申请执行人同意以该财产抵偿债务。依照有关规定，裁定如下：',
      '一、将{assetDescription}作价{price}交付申请执行人{applicants}抵偿债务，所有权自本裁定送达申请执行人时起转移。',
      '二、解除对上述财产的查封。',
      '本裁定送达后即发生法律效力。',
    ],
  },
  'termination-ruling': {
    kind: 'termination-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    basis: [`${INTERPRETATION_2022} 第五百一十七条`, `${FINAL_ROUND_2016} 第一条`],
    style: `${STYLE} 执行裁定书（终结本次执行程序类）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '本院经穷尽财产调查措施，未发现被执行人有其他可供执行的财产。申请执行人对本次执行程序的终结已被告知。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》的规定，裁定如下：',
      '终结本次执行程序。',
      '申请执行人发现被执行人有可供执行财产的，可以再次申请执行。',
    ],
  },
  'closure-notice': {
    kind: 'closure-notice',
    version: 1,
    title: '结案通知书',
    series: '执结',
    basis: [`${CASE_FILING_2014} 第十四条、第十五条`],
    style: `${STYLE} 结案通知书${STYLE_TO_CHECK}`,
    addressee: '{applicants}、{respondents}：',
    body: [BASIS_LINE, '本案执行标的{claimTotal}，{closureReason}。本案以{closureWay}方式结案。', '特此通知。'],
  },
  'referral-letter': {
    kind: 'referral-letter',
    version: 1,
    title: '移送函',
    series: '执移',
    basis: [`${CRIMINAL_LAW} 第三百一十三条`, `${CPL} 第一百一十四条`],
    style: `${STYLE} 移送公安机关侦查函（拒不执行判决、裁定罪）${STYLE_TO_CHECK}`,
    addressee: '{policeStation}：',
    body: [
      BASIS_LINE,
      '本院查明，被执行人{respondents}{ground}，其行为涉嫌构成拒不执行判决、裁定罪。依照《中华人民共和国刑法》第三百一十三条及有关规定，现将案件线索移送你局，请依法立案侦查，并将结果函告本院。',
      '附：有关证据材料。',
    ],
  },
  // The measures of issue 15. The style book has no sample for some of them: the nearest one is named.
  'exit-ban-decision': {
    kind: 'exit-ban-decision',
    version: 1,
    title: '限制出境决定书',
    series: '执限出',
    basis: [`${CPL} 第二百六十六条`, `${ENFORCEMENT_PROCEDURE_2020} 限制出境条文${TO_CHECK}`],
    style: `${STYLE} 限制出境决定书${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '被执行人{respondents}未按执行通知履行法律文书确定的义务。{origin}，依照《中华人民共和国民事诉讼法》第二百六十六条的规定，决定如下：',
      '限制{persons}出境。',
      '本决定立即执行。被执行人履行全部债务的，本院将及时解除限制出境措施；提供充分、有效的担保或者申请执行人同意的，可以解除。',
    ],
  },
  'exit-ban-assistance': {
    kind: 'exit-ban-assistance',
    version: 1,
    title: '协助执行通知书',
    series: '执协',
    basis: [`${CPL} 第二百六十六条`, `${EXIT_ENTRY_LAW} 第十二条第（三）项`],
    style: `${STYLE} 协助执行通知书（限制出境）${STYLE_TO_CHECK}`,
    addressee: '{exitAuthority}：',
    body: [
      BASIS_LINE,
      '因被执行人{respondents}未履行法律文书确定的义务，本院已决定限制{persons}出境。依照《中华人民共和国民事诉讼法》第二百六十六条、《中华人民共和国出境入境管理法》第十二条第（三）项的规定，请协助执行：对{persons}采取不准出境措施，并将办理情况函告本院。',
      '解除限制时，本院将另行通知。',
    ],
  },
  'exit-ban-lift': {
    kind: 'exit-ban-lift',
    version: 1,
    title: '解除限制出境决定书',
    series: '执限出',
    basis: [`${CPL} 第二百六十六条`, `${ENFORCEMENT_PROCEDURE_2020} 限制出境条文${TO_CHECK}`],
    style: `${STYLE} 解除限制出境决定书${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '本院曾决定限制被执行人{respondents}一方的{persons}出境。现{liftReason}，依照有关规定，决定如下：',
      '解除对{persons}的限制出境措施。',
      '本决定立即执行，并通知出入境管理机构协助解除。',
    ],
  },
  'reward-notice': {
    kind: 'reward-notice',
    version: 1,
    title: '悬赏公告',
    series: '执悬',
    basis: [
      `${INVESTIGATION_2017.replace('法释〔2017〕8号', '法释〔2017〕8号，2020年修正')} 第二十一条、第二十二条、第二十三条`,
    ],
    style: `${STYLE} 悬赏公告（样式无此文书，参照公告格式）`,
    body: [
      BASIS_LINE,
      '被执行人{respondents}未履行法律文书确定的义务。申请执行人{applicants}申请悬赏查找被执行人的财产，本院经审查予以准许，现公告如下：',
      '一、悬赏金：{rewardTerms}，由申请执行人承担，已预交本院。',
      '二、领取条件：提供本院尚未掌握的被执行人财产线索，经查证属实，并使申请执行人的债权得以全部或者部分实现的，按上述标准发放悬赏金。',
      '三、本院对提供线索的人员的身份及线索内容予以保密。',
      '特此公告。',
    ],
  },
  'bankruptcy-referral-decision': {
    kind: 'bankruptcy-referral-decision',
    version: 1,
    title: '移送破产审查决定书',
    series: '执移破',
    basis: [`${BANKRUPTCY_REFERRAL_2017} 第二条、第五条、第八条`, `${INTERPRETATION_2022} 执转破条文${TO_CHECK}`],
    style: `${STYLE} 执行案件移送破产审查决定书（样式无此文书，参照决定书格式）`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '本院在执行过程中查明，被执行人{respondents}{insolvency}。{consent}书面同意将本案移送破产审查。经合议庭评议，依照《最高人民法院关于执行案件移送破产审查若干问题的指导意见》第二条、第五条的规定，决定如下：',
      '将被执行人{respondents}的执行案件移送{toCourt}进行破产审查。',
      '本案自本决定作出之日起中止对被执行人{respondents}的执行。',
    ],
  },
  // The disputes' documents (objections, distribution, suspension and deferral, reversal, party change, relief).
  ...DISPUTE_TEMPLATES,
}))();

export const DOCUMENT_KINDS = /* @__PURE__ */ Object.keys(TEMPLATES) as DocumentKind[];

export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(TEMPLATES, value);
}

/** The placeholders a template uses, in order of first use: the fields it needs. */
export function templateFields(template: DocumentTemplate): readonly string[] {
  const found = new Set<string>();
  for (const text of [template.addressee ?? '', ...template.body])
    for (const match of text.matchAll(/\{([a-zA-Z]+)\}/g)) found.add(match[1] as string);
  return [...found];
}

/**
 * What issuing a document needs of its template besides the text: the version, title and series, and the fields it
 * needs (checked before a number is taken). template-index.ts holds this for every template, written from TEMPLATES
 * by `npm run function-data`: the functions that issue bundle the index, and the render-document function alone the
 * templates' text, which it composes (compose.ts `composeDraft`).
 */
export interface TemplateEntry {
  readonly version: number;
  readonly title: string;
  readonly series: string;
  readonly fields: readonly string[];
}
export type TemplateIndex = Readonly<Record<DocumentKind, TemplateEntry>>;

export function templateIndex(templates: Readonly<Record<DocumentKind, DocumentTemplate>> = TEMPLATES): TemplateIndex {
  return Object.fromEntries(
    Object.entries(templates).map(([kind, t]) => [
      kind,
      { version: t.version, title: t.title, series: t.series, fields: templateFields(t) },
    ]),
  ) as Record<DocumentKind, TemplateEntry>;
}
