/** The timeline says why a case was parked for staff in Chinese, not with the step's English error name. */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { STATUS_LABELS } from '#domain/case/status.ts';
import { attentionReason, STEP_ERROR_LABELS, stepErrorLabel } from '#domain/timeline/step-errors.ts';
import { describeEvent } from '#domain/timeline/timeline.ts';
import { ERRORS, LAMBDA_TRANSIENT_ERRORS } from '../../../workflows/errors.ts';
import { caseFrom, filed } from '../../support/cases.ts';

const names = { member: (id: string) => id, team: (id: string) => id };
const state = caseFrom([filed(100_000)]);

describe('step error names said in Chinese on the timeline', () => {
  it('pass: a case parked because an approval was not decided reads in Chinese, without the English name', () => {
    const moved: CaseEvent = {
      type: 'status-changed',
      from: 'disbursement-approval',
      to: 'needs-attention',
      reason: '流程步骤失败：ApprovalNotDecided',
    };
    const line = describeEvent(moved, state, names);
    expect(line).toBe(
      `状态：${STATUS_LABELS['disbursement-approval']} → 需人工处理（流程步骤失败：审批逾期未决定，已报至最高审批层级仍无结果）`,
    );
    expect(line).toContain('需人工处理（流程步骤失败：审批逾期未决定');
    expect(line).not.toContain('ApprovalNotDecided');
    const parked: CaseEvent = { type: 'needs-attention', error: 'LoopBoundReached', cause: 'x', where: 'e' };
    expect(describeEvent(parked, state, names)).toBe('需人工处理：流程反复执行同一环节未能推进');
  });

  it('every error name the state machines park a case with has a Chinese label', () => {
    const named = [...Object.values(ERRORS), ...LAMBDA_TRANSIENT_ERRORS].filter(
      (e) => e !== ERRORS.all && e !== ERRORS.needsAttention,
    );
    for (const name of named) expect(STEP_ERROR_LABELS[name], name).toMatch(/[\u4e00-\u9fff]/);
  });

  it('fail: an unknown name is said as an unexpected error, its name kept; other reasons are left as they are', () => {
    expect(stepErrorLabel('TypeError')).toBe('系统内部错误（TypeError）');
    expect(attentionReason('流程步骤失败：TypeError')).toBe('流程步骤失败：系统内部错误（TypeError）');
    expect(attentionReason('强制措施已穷尽')).toBe('强制措施已穷尽');
  });
});
