/**
 * The templates of the disputes inside enforcement (issue 16's "objection, distribution and carry-over" documents):
 * the rulings on an objection to an enforcement act (执行异议) and on a third party's objection (案外人异议), the
 * distribution plan (财产分配方案), the suspension ruling (中止执行), the deferral decision on a guarantee (暂缓执行),
 * the reversal ruling (执行回转), the ruling on adding or changing a respondent (追加、变更被执行人), and the judicial
 * relief decision (司法救助). Each is issued where its act is recorded (docs/documents.md); data only, like
 * templates.ts, with the same marks for what was not checked.
 *
 * Not here, because the product does not make the act itself: the reconsideration ruling (执行复议) is the higher
 * court's, recorded as it arrives (`reconsideration-decided`), never made by this court.
 */
import type { DocumentTemplate } from './templates.ts';

const CPL = '《中华人民共和国民事诉讼法》(2023年修正)';
const INTERPRETATION_2022 = '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》(2022年修正)';
const OBJECTIONS_2015 =
  '《最高人民法院关于人民法院办理执行异议和复议案件若干问题的规定》(法释〔2015〕10号，2020年修正)';
const GUARANTEE_2018 = '《最高人民法院关于执行担保若干问题的规定》(法释〔2018〕4号，2020年修正)';
const PARTIES_CHANGE_2020 =
  '《最高人民法院关于民事执行中变更、追加当事人若干问题的规定》(法释〔2016〕21号，2020年修正)';
const RELIEF_2016 = '《最高人民法院关于加强和规范人民法院国家司法救助工作的意见》(法发〔2016〕16号)';
const BANKRUPTCY_LAW = '《中华人民共和国企业破产法》';
/** As in templates.ts: the collection the styles belong to, and the mark of a style name not checked. */
const STYLE = '最高人民法院《民事诉讼文书样式》(法〔2016〕221号)';
const STYLE_TO_CHECK = '（样式名称待核实）';
const TO_CHECK = '（条文序号待核实）';

const PARTIES = ['申请执行人：{applicants}。', '被执行人：{respondents}。'] as const;
const BASIS_LINE =
  '{applicants}与{respondents}{cause}一案，{basisCourt}作出的{basisNumber}法律文书已经发生法律效力。申请执行人于{filedDate}向本院申请强制执行，本院于同日立案。';

export type DisputeDocumentKind =
  | 'objection-ruling'
  | 'third-party-objection-ruling'
  | 'distribution-plan'
  | 'suspension-ruling'
  | 'deferral-decision'
  | 'reversal-ruling'
  | 'party-change-ruling'
  | 'relief-decision'
  | 'limitation-ruling';

/**
 * Built in a function marked pure: the table's bodies spread shared lines (`...PARTIES`), which esbuild cannot prove
 * free of side effects, so without the mark every bundle importing this module kept the whole table, used or not.
 */
export const DISPUTE_TEMPLATES: Readonly<Record<DisputeDocumentKind, DocumentTemplate>> = /* @__PURE__ */ (() => ({
  'objection-ruling': {
    kind: 'objection-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执异',
    basis: [`${CPL} 第二百三十六条`, `${OBJECTIONS_2015} 第十一条`],
    style: `${STYLE} 执行裁定书（执行行为异议用）${STYLE_TO_CHECK}`,
    body: [
      '异议人：{objector}（{objectorRole}）。',
      ...PARTIES,
      '本院在执行{applicants}与{respondents}{cause}一案中，异议人{objector}对本院{contested}的执行行为提出书面异议，本院于{receivedDate}收到后，依法组成合议庭进行了审查。',
      '异议人称：{grounds}。',
      '本院认为：{reasons}。依照《中华人民共和国民事诉讼法》第二百三十六条的规定，裁定如下：',
      '{ruling}',
      '如不服本裁定，可以自本裁定送达之日起{objectionReviewPeriod}内，向本院的上一级人民法院申请复议。复议期间，不停止执行。',
    ],
  },
  'third-party-objection-ruling': {
    kind: 'third-party-objection-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执异',
    basis: [`${CPL} 第二百三十八条`, `${INTERPRETATION_2022} 案外人异议条文${TO_CHECK}`],
    style: `${STYLE} 执行裁定书（案外人异议用）${STYLE_TO_CHECK}`,
    body: [
      '案外人：{objector}。',
      ...PARTIES,
      '本院在执行{applicants}与{respondents}{cause}一案中，案外人{objector}对本院执行的{assetDescription}提出书面异议，本院于{receivedDate}收到后，依法组成合议庭进行了审查。',
      '案外人称：{grounds}。',
      '本院认为：{reasons}。依照《中华人民共和国民事诉讼法》第二百三十八条的规定，裁定如下：',
      '{ruling}',
      '案外人、当事人对本裁定不服，认为原判决、裁定错误的，依照审判监督程序办理；与原判决、裁定无关的，可以自本裁定送达之日起{thirdPartySuitPeriod}内向本院提起诉讼。',
    ],
  },
  'distribution-plan': {
    kind: 'distribution-plan',
    version: 1,
    title: '财产分配方案',
    series: '执分',
    basis: [`${INTERPRETATION_2022} 第五百零八条、第五百零九条`],
    style: `${STYLE} 执行财产分配方案${STYLE_TO_CHECK}`,
    addressee: '{creditors}、{respondents}：',
    body: [
      BASIS_LINE,
      '本院在执行中共得被执行人{respondents}的执行款{available}，{creditors}申请参与分配。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百零八条的规定，制作分配方案如下：',
      '一、执行费用{costs}，先行扣除。',
      '二、{shares}。',
      '三、{remainder}',
      '债权人或者被执行人对本方案有异议的，应当自收到本方案之日起{distributionObjectionPeriod}内向本院提出书面异议。',
    ],
  },
  'suspension-ruling': {
    kind: 'suspension-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    basis: [`${CPL} 第二百六十七条`, `${BANKRUPTCY_LAW} 第十九条（受理破产申请的）`],
    style: `${STYLE} 执行裁定书（中止执行用）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '本院在执行过程中查明：{suspensionGround}。依照{suspensionBasis}的规定，裁定如下：',
      '本案中止执行。',
      '中止执行的情形消失后，本院将恢复执行。本裁定送达后立即生效。',
    ],
  },
  'deferral-decision': {
    kind: 'deferral-decision',
    version: 1,
    title: '暂缓执行决定书',
    series: '执缓',
    basis: [`${CPL} 第二百四十二条`, `${GUARANTEE_2018} 第十条、第十一条`],
    style: `${STYLE} 执行决定书（暂缓执行用）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '被执行人{respondents}向本院提供担保：{guarantee}，申请执行人{applicants}同意暂缓执行。依照《中华人民共和国民事诉讼法》第二百四十二条、《最高人民法院关于执行担保若干问题的规定》第十条的规定，决定如下：',
      '本案暂缓执行至{until}。',
      '暂缓执行期限届满后被执行人仍不履行义务的，本院可以依申请执行人的申请恢复执行，并直接裁定执行担保财产或者保证人的财产。',
    ],
  },
  'reversal-ruling': {
    kind: 'reversal-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执裁',
    basis: [`${CPL} 第二百四十四条`],
    style: `${STYLE} 执行裁定书（执行回转用）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      BASIS_LINE,
      '本案执行中，申请执行人{returner}已取得执行款。据以执行的法律文书已被{setAsideBy}撤销。依照《中华人民共和国民事诉讼法》第二百四十四条的规定，裁定如下：',
      '{returner}应当返还{receiver}{returnAmount}。',
      '本裁定送达后立即生效。本院将另行立案执行回转。',
    ],
  },
  'party-change-ruling': {
    kind: 'party-change-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执异',
    basis: [`${PARTIES_CHANGE_2020} 第二十八条、第三十条、第三十二条`],
    style: `${STYLE} 执行裁定书（变更、追加被执行人用）${STYLE_TO_CHECK}`,
    body: [
      '申请人：{applicants}（申请执行人）。',
      '被申请人：{changeParty}。',
      '被执行人：{respondents}。',
      '本院在执行{applicants}与{respondents}{cause}一案中，申请人{applicants}于{receivedDate}向本院申请{changeAction}被申请人{changeParty}为本案被执行人，事由为：{changeGround}。本院依法组成合议庭进行了审查。',
      '本院认为：{reason}。依照《最高人民法院关于民事执行中变更、追加当事人若干问题的规定》{groundArticle}、第二十八条的规定，裁定如下：',
      '{ruling}',
      '如不服本裁定，可以在{challengeBy}前{challengeRoute}。',
    ],
  },
  'relief-decision': {
    kind: 'relief-decision',
    version: 1,
    title: '国家司法救助决定书',
    series: '司救执',
    basis: [`${RELIEF_2016}`, `《人民法院国家司法救助案件办理程序规定（试行）》${TO_CHECK}`],
    style: `${STYLE} 国家司法救助决定书（样式无此文书，参照决定书格式）`,
    body: [
      '救助申请人：{reliefApplicant}（申请执行人）。',
      BASIS_LINE,
      '因被执行人{respondents}未履行生效法律文书确定的义务，申请执行人{reliefApplicant}以{hardship}为由，于{appliedDate}向本院申请国家司法救助，请求救助{requested}。本院经审查认为，申请人符合国家司法救助的条件。依照《最高人民法院关于加强和规范人民法院国家司法救助工作的意见》的规定，决定如下：',
      '给予申请人{reliefApplicant}国家司法救助金{granted}。',
      '特此决定。',
    ],
  },
  // A12: the respondent's objection that the application came too late (the carry-over issue).
  'limitation-ruling': {
    kind: 'limitation-ruling',
    version: 1,
    title: '执行裁定书',
    series: '执异',
    basis: [`${CPL} 第二百五十条`, `${INTERPRETATION_2022} 第四百八十一条${TO_CHECK}`],
    style: `${STYLE} 执行裁定书（申请执行期间异议用）${STYLE_TO_CHECK}`,
    body: [
      ...PARTIES,
      '本院在执行{applicants}与{respondents}{cause}一案中，被执行人{objector}于{receivedDate}以申请执行人的申请超过申请执行的期间为由提出异议。本院依法组成合议庭进行了审查。',
      '本院认为：{reasons}。依照《中华人民共和国民事诉讼法》第二百五十条的规定，裁定如下：',
      '{ruling}',
    ],
  },
}))();
