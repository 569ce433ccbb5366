import { describe, expect, it } from 'vitest';
import { localDate } from '#domain/calendar/local-date.ts';
import { composeDocument, MissingDocumentFieldError, periodText, ruleFields } from '#domain/documents/compose.ts';
import { courtRegion, DocumentNumberError, formatDocumentNumber } from '#domain/documents/numbering.ts';
import { amountText, chineseCount, chineseDate } from '#domain/documents/numerals.ts';
import { DOCUMENT_KINDS, TEMPLATES, templateFields } from '#domain/documents/templates.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { fieldsFor } from './fixtures.ts';

describe('document numerals', () => {
  it('writes dates in Chinese numerals as documents sign off', () => {
    expect(chineseDate(localDate('2026-03-02'))).toBe('二〇二六年三月二日');
    expect(chineseDate(localDate('2026-12-31'))).toBe('二〇二六年十二月三十一日');
    expect(chineseDate(localDate('2030-10-20'))).toBe('二〇三〇年十月二十日');
  });
  it('writes amounts to the fen, and refuses what is not a whole number of fen', () => {
    expect(amountText(fen(101260000))).toBe('人民币1,012,600.00元');
    expect(amountText(fen(5))).toBe('人民币0.05元');
    expect(() => amountText(12.5 as never)).toThrow(RangeError);
  });
  it('counts days and years in Chinese', () => {
    expect(chineseCount(15)).toBe('十五');
    expect(chineseCount(2)).toBe('二');
    expect(() => chineseCount(100)).toThrow(RangeError);
  });
});

describe('document templates', () => {
  it('has the issue’s kinds, each with a legal basis, a style and a version', () => {
    // 18, the measures' five (issue 15): exit restriction, its notice and lifting, reward notice, referral; and the
    // disputes' nine: two objection rulings, distribution plan, suspension, deferral, reversal, party change, relief,
    // and the ruling on a late application (A12).
    expect(DOCUMENT_KINDS).toHaveLength(32);
    for (const kind of DOCUMENT_KINDS) {
      const template = TEMPLATES[kind];
      expect(template.kind).toBe(kind);
      expect(template.basis.length).toBeGreaterThan(0);
      expect(template.style).toContain('《民事诉讼文书样式》(法〔2016〕221号)');
      expect(template.version).toBeGreaterThanOrEqual(1);
      expect(templateFields(template)).toContain('respondents');
    }
  });

  it('cites articles plainly once checked against the text; the rest stay marked, each with its reason in the docs', () => {
    const marked = DOCUMENT_KINDS.filter((kind) => TEMPLATES[kind].basis.some((b) => b.includes('条文序号待核实')));
    // The measures' documents (issue 15): the 2020 article numbers of the exit-ban interpretation and the 2022 number
    // of the bankruptcy-referral article were not found in the stored copies (docs/measures.md).
    expect(marked).toEqual([
      'entrustment-letter',
      'sale-confirmation-ruling',
      'in-lieu-ruling',
      'exit-ban-decision',
      'exit-ban-lift',
      'bankruptcy-referral-decision',
      'third-party-objection-ruling',
      'relief-decision',
      'limitation-ruling',
    ]);
    // Checked: the notice (民诉法 第二百五十一条), the 终本 ruling (民诉法解释 第五百一十七条), the restriction order (第五条).
    expect(TEMPLATES['enforcement-notice'].basis).toEqual(['《中华人民共和国民事诉讼法》(2023年修正) 第二百五十一条']);
    expect(TEMPLATES['termination-ruling'].basis[0]).toMatch(/\(2022年修正\) 第五百一十七条$/);
    expect(TEMPLATES['restriction-order'].basis[0]).toMatch(/第一条、第三条、第五条$/);
  });

  it('fills every placeholder when all fields are given', () => {
    for (const kind of DOCUMENT_KINDS) {
      const doc = composeDocument({
        kind,
        number: '（2026）冀0922执裁1号',
        officer: '马超',
        approver: '黄磊',
        date: localDate('2026-03-02'),
        fields: fieldsFor(kind),
      });
      expect(doc.paragraphs.join('')).not.toMatch(/[{}]/);
      expect(doc.dateText).toBe('二〇二六年三月二日');
    }
  });

  it('names the missing field instead of leaving a blank', () => {
    const fields = { ...fieldsFor('freeze-ruling'), institution: undefined };
    const compose = () =>
      composeDocument({
        kind: 'freeze-ruling',
        number: '（2026）冀0922执裁1号',
        officer: '马超',
        approver: '黄磊',
        date: localDate('2026-03-02'),
        fields,
      });
    expect(compose).toThrow(MissingDocumentFieldError);
    expect(compose).toThrow('缺少字段：institution');
  });

  it('refuses a document without its approver', () => {
    expect(() =>
      composeDocument({
        kind: 'enforcement-notice',
        number: '（2026）冀0922执通1号',
        officer: '马超',
        approver: '',
        date: localDate('2026-03-02'),
        fields: fieldsFor('enforcement-notice'),
      }),
    ).toThrow('缺少字段：approver');
  });
});

describe('periods in documents', () => {
  it('come from the rule table: the report period, the entrusted court’s period, the review period', () => {
    expect(ruleFields(RULES)).toEqual({
      reportPeriod: '五个工作日',
      entrustmentPeriod: '三十日',
      reviewPeriod: '三日',
      objectionReviewPeriod: '十日',
      thirdPartySuitPeriod: '十五日',
      distributionObjectionPeriod: '十五日',
    });
    expect(periodText({ months: 1 })).toBe('一个月');
  });
  it('follow a court’s own rule table', () => {
    const rules = {
      ...RULES,
      P_ASSET_REPORT: { ...RULES.P_ASSET_REPORT, period: { days: 10, unit: 'working' as const } },
    };
    expect(ruleFields(rules).reportPeriod).toBe('十个工作日');
  });
});

describe('document numbers', () => {
  it('formats a number per court region, year and series', () => {
    expect(courtRegion('（2026）冀0922执88号')).toBe('冀0922');
    expect(formatDocumentNumber({ year: 2026, region: '冀0922', series: '执裁', sequence: 3 })).toBe(
      '（2026）冀0922执裁3号',
    );
  });
  it('refuses a case number without a region code, and a sequence below one', () => {
    expect(() => courtRegion('88号')).toThrow(DocumentNumberError);
    expect(() => formatDocumentNumber({ year: 2026, region: '冀0922', series: '执裁', sequence: 0 })).toThrow(
      DocumentNumberError,
    );
  });
});
