/**
 * How documents write dates and amounts: the date in Chinese numerals as court documents sign off
 * (二〇二六年三月二日), amounts in yuan to the fen (人民币1,012,600.00元).
 */
import type { LocalDate } from '../calendar/local-date.ts';
import type { Fen } from '../money.ts';

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

function smallNumber(value: number): string {
  if (value < 10) return DIGITS[value] as string;
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 2026-03-02 → 二〇二六年三月二日 (the year digit by digit, month and day as numbers). */
export function chineseDate(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  const yearText = [...(year ?? '')].map((d) => DIGITS[Number(d)]).join('');
  return `${yearText}年${smallNumber(Number(month))}月${smallNumber(Number(day))}日`;
}

/** 101260000 fen → 人民币1,012,600.00元: exact to the fen, never a float. */
export function amountText(amount: Fen): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`金额必须是非负整数分：${amount}`);
  const yuan = Math.floor(amount / 100);
  const cents = String(amount % 100).padStart(2, '0');
  return `人民币${yuan.toLocaleString('en-US')}.${cents}元`;
}

/** A count of days or months in Chinese numerals, as the body text uses them (十五日). */
export function chineseCount(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 99) throw new RangeError(`不支持的数：${value}`);
  return smallNumber(value);
}
