/**
 * H1, the receiving direction: a matter another court entrusts is due H1's period after it arrives, by the legal
 * calendar; finished on the due day it is on time, the day after it is late. Dates worked by hand from the rule
 * table (30 calendar days) and the 2026 holiday notice.
 */
import { describe, expect, it } from 'vitest';
import {
  assignMatter,
  countEntrustments,
  finishMatter,
  isOverdue,
  MatterStateError,
  markOverdue,
  markStartOverdue,
  type ReceivedMatter,
  receiveMatter,
  startMatter,
} from '#domain/entrustment/received.ts';
import { receivedMatterIdFor } from '#domain/ids.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst, d } from '../../support/calendar.ts';

function received(receivedOn: string, reference = '黑(2019)某县不动产权第0001号'): ReceivedMatter {
  const matterId = receivedMatterIdFor('HL0123', '（2026）黑0123执100号', 'seal', reference);
  return receiveMatter(
    {
      matterId,
      court: 'HB0922',
      fromCourt: { code: 'HL0123', name: '黑龙江省某县人民法院' },
      fromCaseNumber: '（2026）黑0123执100号',
      kind: 'seal',
      reference,
      receivedOn: d(receivedOn),
    },
    'ma-chao',
    cst(`${receivedOn} 09:00`),
    RULES,
    calendar,
  );
}

describe('H1 due date of a received matter', () => {
  it('comes from the rule table: 30 calendar days, the first day not counted', () => {
    // 03-02 + 30 days = 04-01, a Wednesday.
    expect(received('2026-03-02').node).toMatchObject({ ruleId: 'H1', dueDate: '2026-04-01', status: 'open' });
  });

  it('moves past a holiday: 03-06 + 30 = 04-05 (Qingming, 04-04 to 04-06) ends on 04-07', () => {
    const matter = received('2026-03-06');
    expect(matter.node.dueDate).toBe('2026-04-07');
    expect(matter.node.unconfirmedYears).toEqual([]);
  });

  it('pass: completed on the due day, at the end of the holiday, is on time', () => {
    const done = finishMatter(received('2026-03-06'), 'completed', '已查封', 'ma-chao', cst('2026-04-07 17:30'));
    expect(done).toMatchObject({ status: 'completed', late: false, node: { status: 'met' } });
  });

  it('fail: completed the next working day is late; reported back late is late too', () => {
    const done = finishMatter(received('2026-03-06'), 'completed', '已查封', 'ma-chao', cst('2026-04-08 09:00'));
    expect(done?.late).toBe(true);
    const reported = finishMatter(
      received('2026-03-06'),
      'reported-back',
      '无此财产',
      'ma-chao',
      cst('2026-04-08 09:00'),
    );
    expect(reported).toMatchObject({ status: 'reported-back', late: true });
  });

  it('is overdue only after the due day, and marked once', () => {
    const matter = received('2026-03-06');
    expect(isOverdue(matter, cst('2026-04-07 23:59'))).toBe(false);
    expect(isOverdue(matter, cst('2026-04-08 00:01'))).toBe(true);
    const marked = markOverdue(matter, cst('2026-04-08 09:00'));
    expect(marked).toMatchObject({ node: { status: 'overdue' }, overdueAlertedAt: cst('2026-04-08 09:00') });
    expect(markOverdue(marked as ReceivedMatter, cst('2026-04-09 09:00'))).toBeUndefined();
    // Finished after it was flagged: met, late.
    expect(
      finishMatter(marked as ReceivedMatter, 'completed', '已查封', 'ma-chao', cst('2026-04-09 09:00')),
    ).toMatchObject({
      node: { status: 'met' },
      late: true,
    });
  });
});

describe('a received matter', () => {
  it('cannot be dated after the day it is recorded', () => {
    expect(() =>
      receiveMatter(
        {
          matterId: 'm1',
          court: 'HB0922',
          fromCourt: { code: 'HL0123', name: '某院' },
          fromCaseNumber: 'x',
          kind: 'freeze',
          reference: 'r',
          receivedOn: d('2026-03-03'),
        },
        'ma-chao',
        cst('2026-03-02 09:00'),
        RULES,
        calendar,
      ),
    ).toThrow(MatterStateError);
  });

  it('has one id per requesting court, case number, kind and reference (typed with full-width brackets or not)', () => {
    expect(receivedMatterIdFor('hl0123', '(2026)黑0123执100号', 'seal', 'r')).toBe(
      receivedMatterIdFor('HL0123', '（2026）黑0123执100号', 'seal', 'r'),
    );
    expect(receivedMatterIdFor('HL0123', '（2026）黑0123执100号', 'freeze', 'r')).not.toBe(
      receivedMatterIdFor('HL0123', '（2026）黑0123执100号', 'seal', 'r'),
    );
  });

  it('is finished once: the same outcome again changes nothing, another is refused; a finished one is not reassigned', () => {
    const done = finishMatter(received('2026-03-06'), 'completed', '已查封', 'ma-chao', cst('2026-03-10 09:00'));
    expect(
      finishMatter(done as ReceivedMatter, 'completed', '已查封', 'ma-chao', cst('2026-03-11 09:00')),
    ).toBeUndefined();
    expect(() =>
      finishMatter(done as ReceivedMatter, 'reported-back', 'x', 'ma-chao', cst('2026-03-11 09:00')),
    ).toThrow(MatterStateError);
    expect(() => assignMatter(done as ReceivedMatter, 'li-qiang', 'zhang-wei', cst('2026-03-11 09:00'))).toThrow(
      MatterStateError,
    );
  });
});

describe('both directions counted', () => {
  it('per court and period: sent by date sent; received on time, late, open and overdue', () => {
    const onTime = finishMatter(received('2026-03-06', 'a'), 'completed', 'ok', 'u', cst('2026-04-07 10:00'));
    const late = finishMatter(received('2026-03-06', 'b'), 'completed', 'ok', 'u', cst('2026-04-08 10:00'));
    const open = received('2026-03-06', 'c');
    const lastMonth = received('2026-02-27', 'd');
    const counts = countEntrustments(
      'HB0922',
      { from: d('2026-03-01'), to: d('2026-03-31') },
      [d('2026-02-28'), d('2026-03-01'), d('2026-03-31'), d('2026-04-01')],
      [onTime, late, open, lastMonth].filter((m): m is ReceivedMatter => m !== undefined),
      cst('2026-04-09 10:00'),
    );
    expect(counts).toEqual({
      court: 'HB0922',
      from: '2026-03-01',
      to: '2026-03-31',
      sent: 2,
      received: 3,
      receivedOnTime: 1,
      receivedLate: 1,
      receivedOpen: 1,
      receivedOverdue: 1,
    });
  });
});

describe('H1 start: 民诉法 第二百四十条, started within 15 days of the letter’s arrival', () => {
  it('the start node comes from the rule table: 15 calendar days, the first day not counted', () => {
    // 03-02 + 15 days = 03-17, a Tuesday.
    expect(received('2026-03-02').startNode).toMatchObject({ ruleId: 'H1', dueDate: '2026-03-17', status: 'open' });
  });

  it('pass: started on the 15th day is on time; finished later, the start stays as recorded', () => {
    const started = startMatter(received('2026-03-02'), 'ma-chao', cst('2026-03-17 16:00'));
    expect(started).toMatchObject({ startedLate: false, startNode: { status: 'met' } });
    expect(started?.history.at(-1)).toMatchObject({ action: 'started', by: 'ma-chao' });
    const done = finishMatter(started as ReceivedMatter, 'completed', '已查封', 'ma-chao', cst('2026-03-30 10:00'));
    expect(done).toMatchObject({ startedLate: false, late: false, status: 'completed' });
    expect(startMatter(started as ReceivedMatter, 'ma-chao', cst('2026-03-18 09:00'))).toBeUndefined();
  });

  it('fail: started on the 16th day is late (the requesting court may ask the superior court to order it)', () => {
    const started = startMatter(received('2026-03-02'), 'ma-chao', cst('2026-03-18 09:00'));
    expect(started?.startedLate).toBe(true);
  });

  it('fail: a matter finished after 15 days with no start recorded counts as started late', () => {
    const done = finishMatter(
      received('2026-03-02'),
      'reported-back',
      '尚未查控到位',
      'ma-chao',
      cst('2026-03-20 09:00'),
    );
    expect(done).toMatchObject({ startedLate: true, late: false, startNode: { status: 'met' } });
    expect(done?.history.map((h) => h.action)).toEqual(['received', 'reported-back']);
  });
});

describe('a received matter not started within H1’s 15 days (民诉法 第二百四十条)', () => {
  it('fail: unstarted past the 15th day (03-02 + 15 = 03-17), its start node is marked overdue once', () => {
    const matter = received('2026-03-02');
    expect(markStartOverdue(matter, cst('2026-03-17 23:59'))).toBeUndefined();
    const marked = markStartOverdue(matter, cst('2026-03-18 09:00'));
    expect(marked).toMatchObject({ startNode: { status: 'overdue' }, node: { status: 'open' } });
    expect(marked?.history.at(-1)).toEqual({
      at: cst('2026-03-18 09:00'),
      by: 'system',
      action: 'start-overdue-alerted',
    });
    expect(markStartOverdue(marked as ReceivedMatter, cst('2026-03-19 09:00'))).toBeUndefined();
    // Started after the mark: met, started late.
    expect(startMatter(marked as ReceivedMatter, 'ma-chao', cst('2026-03-19 10:00'))).toMatchObject({
      startNode: { status: 'met' },
      startedLate: true,
    });
  });

  it('pass: started on day 3 or finished, nothing to mark; a matter recorded before the start node neither', () => {
    const started = startMatter(received('2026-03-02'), 'ma-chao', cst('2026-03-05 10:00')) as ReceivedMatter;
    expect(markStartOverdue(started, cst('2026-03-18 09:00'))).toBeUndefined();
    const done = finishMatter(received('2026-03-02'), 'completed', '已查封', 'ma-chao', cst('2026-03-05 10:00'));
    expect(markStartOverdue(done as ReceivedMatter, cst('2026-03-18 09:00'))).toBeUndefined();
    const { startNode: _s, ...old } = received('2026-03-02');
    expect(markStartOverdue(old, cst('2026-03-18 09:00'))).toBeUndefined();
  });
});
