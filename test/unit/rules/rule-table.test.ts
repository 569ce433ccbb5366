import { describe, expect, it } from 'vitest';
import { RULES, ruleRows } from '#domain/rules/table.ts';

describe('the rule table', () => {
  it('gives every row an id, a source, a version and an effective date', () => {
    for (const row of ruleRows()) {
      expect(row.id, JSON.stringify(row)).toMatch(/^[A-Z][A-Z0-9-]*$/);
      expect(row.source.length, row.id).toBeGreaterThan(10);
      expect(row.version, row.id).not.toBe('');
      expect(row.effectiveFrom, row.id).toMatch(/^(\d{4}-\d{2}-\d{2}|unknown)$/);
      expect(['law', 'policy'], row.id).toContain(row.kind);
    }
  });

  it('has unique ids', () => {
    const ids = ruleRows().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks for verification exactly the rows the reference marks [verify]', () => {
    const flagged = ruleRows()
      .filter((r) => r.verify)
      .map((r) => r.id)
      .sort();
    // A6: 法发〔2006〕35号 第五条 read in full (3 days to ask the applicant for asset leads). A10's 5 days for the
    // network inquiry is in no text found (第四条 gives 3 days for the notice, which is A5): still flagged.
    // F1-FEE's tiers were checked against the 办法 (第十四条); C3 and D4 against their texts: no longer flagged.
    // DEFERRAL: 执行担保规定 第十条 (at most one year) and 暂缓执行规定 第十三条 (resumed at once at the term's end) read
    // from secondary sources only; REVERSAL: the article number of the 执行工作规定 on filing a reversal as a new case
    // is not confirmed (issue 14; searched again, not found). OBJ-RELEASE: the 7 days and the article of the 民诉法解释
    // were not found in the sources searched (again). V2 (变更追加规定 第十三条、第三十二条): 第三十条 and the opening of
    // 第三十二条 were read, not its 15 days nor 第十三条. The measures' rows (issue 15): flagged where the text was not
    // verified in full (article numbers after the 2020 and 2022 amendments, the relief procedure's deadline).
    // Issue 15, second round, against the 2020/2022 texts in LawRefBook/Laws (a public mirror of the official texts):
    // V2 (变更追加规定 第十条、第十三条、第十七条至第十九条、第三十二条), M-EXIT-BAN (执行程序解释 第二十三条至第二十五条,
    // 民诉法 第二百六十六条, 出境入境管理法 第十二条), M-REWARD (财产调查规定 第二十一条至第二十四条) and M-BANKRUPTCY
    // (民诉法解释 第五百一十一条至第五百一十三条, 企业破产法 第十九条; 法发〔2017〕2号 第2条 from a full third-party copy,
    // 第4条、第5条 from a verbatim quotation) were read: no longer flagged. M-RELIEF stays flagged: the decision period,
    // who decides and the recovery from later enforcement money were not found in any text (only the cap was, second hand).
    // P-MEASURES no longer carries the relief wage base (now RELIEF-WAGE, published statistics with their source per
    // province and year): its rows are working defaults, not figures to verify.
    // A6 (法发〔2006〕35号 第五条) and G3 (法〔2016〕373号 第九条) were checked against their texts. A11-OBJECTION: the 5
    // days of 参考价规定 第二十二条 were not found in the stored copies. E9: the in-lieu rule (拍卖变卖规定 第十九条)
    // is verified, the 60-day online sale is not. H1: 民诉法 第二百二十九条 (2012/2017 text; 2023 第二百四十条) read in
    // full: 15 days to start, 30 days to report: no longer flagged.
    // ARCHIVE-RETENTION (issue 19): its text was found in secondary sources only. E8-PANEL: the majority rule and
    // the odd panel are read in secondary sources; their 2023 article numbers are not confirmed.
    // G2-SERVICE (法〔2016〕373号 第六条, the 终本 ruling served on the applicant before closure): secondary sources only.
    expect(flagged).toEqual([
      'A10',
      'A11-OBJECTION',
      'ARCHIVE-RETENTION',
      'DEFERRAL',
      'E8-PANEL',
      'E9',
      'F1',
      'G2-SERVICE',
      'M-RELIEF',
      'OBJ-RELEASE',
      'REVERSAL',
    ]);
  });

  it('cites the articles the measures were verified against (issue 15); fail: not the articles they were before', () => {
    expect(RULES.M_REWARD.source).toContain('第二十四条（提供人民法院尚未掌握的财产线索');
    expect(RULES.M_REWARD.source).toContain('十日内决定是否准许');
    expect(RULES.M_REWARD.decide).toEqual({ days: 10, unit: 'calendar' });
    expect(RULES.M_EXIT_BAN.source).toContain('第二十三条（申请执行人书面申请');
    expect(RULES.M_EXIT_BAN.source).not.toContain('条文序号待核实');
    expect(RULES.M_BANKRUPTCY.source).toContain('第五百一十二条（受移送法院自收到材料之日起三十日内');
    expect(RULES.M_BANKRUPTCY.acceptanceAnswer).toEqual({ days: 30, unit: 'calendar' });
    expect(RULES.M_BANKRUPTCY.approver).toBe('president');
    expect(RULES.V2.lawsuit).toEqual({ days: 15, unit: 'calendar' });
    expect(RULES.V2.source).not.toContain('待核实');
    expect(RULES.M_RELIEF.verify).toBe(true);
  });

  it('keeps the numbers of enforcement-rules.md', () => {
    expect(RULES.A1.term).toEqual({ months: 6 });
    expect(RULES.A1.nonLitigationTerm).toEqual({ months: 3 });
    expect(RULES.A3.period).toEqual({ days: 7, unit: 'calendar' });
    expect(RULES.A5.period).toEqual({ days: 3, unit: 'calendar' });
    expect(RULES.A8.period).toEqual({ months: 1 });
    expect(RULES.A10.period).toEqual({ days: 5, unit: 'calendar' });
    expect([RULES.B1.deposit, RULES.B1.movable, RULES.B1.realEstate]).toEqual([
      { months: 12 },
      { months: 24 },
      { months: 36 },
    ]);
    expect(RULES.F1.period).toEqual({ days: 30, unit: 'calendar' });
    expect(RULES.H1.period).toEqual({ days: 30, unit: 'calendar' });
    expect(RULES.G1.ways).toHaveLength(6);
    expect(RULES.G2.minSinceFiling).toEqual({ months: 3 });
    expect([RULES.G3.interval, RULES.G3.span]).toEqual([{ months: 6 }, { months: 60 }]);
  });

  it('keeps the coercion figures as the texts give them (the texts win over enforcement-rules.md)', () => {
    // 法〔2018〕147号 第二条: 60 days without a written answer, not 15.
    expect(RULES.D4.noAnswer).toEqual({ days: 60, unit: 'calendar' });
    // 法发〔2025〕8号 第十条: explain within 7 days of the notice, open within 15 days of the order.
    expect([RULES.D3.explain, RULES.D3.openWhenOrdered]).toEqual([
      { days: 7, unit: 'calendar' },
      { days: 15, unit: 'calendar' },
    ]);
    // 法释〔2017〕7号 第二条: 2 years for grounds (二)-(六), extended by 1 to 3; 第十条: removal in 3 working days.
    expect([RULES.C6.listingYears, RULES.C6.extensionMinYears, RULES.C6.extensionMaxYears]).toEqual([2, 1, 3]);
    expect(RULES.C6.removal).toEqual({ days: 3, unit: 'working' });
    // 限高规定 第五条, 失信规定 第五条, 民诉法 第一百一十九条, 民诉法解释 第一百八十二条: the president signs.
    expect([RULES.C4.signedBy, RULES.C6.signedBy, RULES.C2.approver, RULES.C2.earlyReleaseApprover]).toEqual([
      'president',
      'president',
      'president',
      'president',
    ]);
    expect(RULES.A9.lookBack).toEqual({ months: 12 });
    // 财产调查规定 第二条: 7 days to check definite leads (3 when urgent); enforcement-rules.md says 5 (7 [verify]).
    expect([RULES.A7.check, RULES.A7.urgent]).toEqual([
      { days: 7, unit: 'calendar' },
      { days: 3, unit: 'calendar' },
    ]);
  });
});
