/**
 * Document numbers (文号): （2026）冀0922执裁3号, per court, year and series. The court's region code comes from the
 * case number's own (（2026）冀0922执88号 → 冀0922). A sequence is allocated once by a conditional write (the
 * DocumentNumbers port); this module only formats and parses.
 */
export class DocumentNumberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentNumberError';
  }
}

/** 冀0922 from （2026）冀0922执88号; an error naming the case number when it has no region code. */
export function courtRegion(caseNumber: string): string {
  const match = /^（\d{4}）(.+?)执/.exec(caseNumber);
  if (!match?.[1]) throw new DocumentNumberError(`无法从案号 ${caseNumber} 取得法院代字`);
  return match[1];
}

export function formatDocumentNumber(input: {
  readonly year: number;
  readonly region: string;
  readonly series: string;
  readonly sequence: number;
}): string {
  if (!Number.isSafeInteger(input.sequence) || input.sequence < 1)
    throw new DocumentNumberError(`文号序号必须是正整数：${input.sequence}`);
  return `（${input.year}）${input.region}${input.series}${input.sequence}号`;
}

/** The counter a number is drawn from: one per court, year and series. */
export function seriesKey(court: string, year: number, series: string): string {
  return `${court}#${year}#${series}`;
}
