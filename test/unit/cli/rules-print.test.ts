/**
 * `enforce rules` prints every value and its source in Chinese: the law with its version, or 系统默认值（可由本院配置）
 * for the project's defaults; no English reaches staff (rule codes and file formats aside).
 */
import { describe, expect, it } from 'vitest';
import { RULES, ruleRows } from '#domain/rules/table.ts';
import { sourceLine, valueLines } from '../../../local/cli/rules.ts';

const printed = ruleRows().flatMap((rule) => [rule.titleZh, sourceLine(rule), ...valueLines(rule)]);
/** English outside rule codes (A1, F1-FEE, P-…) and file formats (image/jpeg, …). */
const english = (line: string) =>
  line
    .replace(/[a-z]+\/[a-z0-9.+-]+/g, '')
    .replace(/\b[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\b/g, '')
    .match(/[A-Za-z]{2,}/g);

describe('enforce rules', () => {
  it('pass: every field and every value has its Chinese label', () => {
    expect(printed.filter((line) => line.includes('未译'))).toEqual([]);
    expect(printed.filter((line) => english(line))).toEqual([]);
  });

  it('prints the numbers: periods, amounts in yuan, rates', () => {
    expect(valueLines(RULES.A1)).toEqual([
      '执行期限：6个月',
      '非诉执行案件期限：3个月',
      // 法释〔2000〕29号 第九条: the periods not counted in the term, each named.
      '不计入执行期限的期间：鉴定及专业机构审计评估资产清理期间、中止执行至恢复执行期间、执行和解或执行担保后暂缓执行期间、上级法院通知暂缓执行期间、拍卖变卖查封扣押财产期间',
    ]);
    expect(valueLines(RULES.F_DELAY_INTEREST)).toContain('日利率（百万分之）：175');
    expect(valueLines(RULES.C1)).toContain('对个人罚款上限：100,000.00元');
    expect(valueLines(RULES.C6)).toContain('删除期限：3个工作日');
  });

  it('names the law and its version; calls project defaults 系统默认值（可由本院配置）, never 本院规定', () => {
    expect(sourceLine(RULES.E4)).toBe(
      '依据：最高人民法院《关于人民法院网络司法拍卖若干问题的规定》(法释〔2016〕18号) 第十二条第一款（2016年版，2017-01-01起施行）',
    );
    expect(sourceLine(RULES.P_SETTLEMENT)).toBe('系统默认值（可由本院配置）：第1版，2026-01-01起适用');
    expect(sourceLine(RULES.A10)).toContain('施行日期待核实');
    expect(printed.join('\n')).not.toContain('本院规定');
  });

  it('fail: a field without a label is marked, and so refused by the first test', () => {
    const unlabelled = { ...RULES.A3, newField: { days: 1, unit: 'calendar' } };
    expect(valueLines(unlabelled)).toContain('【未译：newField】：1日');
  });
});
