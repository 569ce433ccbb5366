/**
 * What a failed workflow step's error name means, said to staff: the timeline names the error a case was parked
 * with ("需人工处理") in Chinese, not as the technical name (which stays recorded on the event for support).
 */

/** Error names the state machines and the steps use (../../../workflows/errors.ts) and those of the platform. */
export const STEP_ERROR_LABELS: Readonly<Record<string, string>> = {
  ApprovalNotDecided: '审批逾期未决定，已报至最高审批层级仍无结果',
  LoopBoundReached: '流程反复执行同一环节未能推进',
  ConcurrentUpdateError: '案件同时被多处修改，多次重试仍未成功',
  PartnerRequestSettled: '协助执行请求已答复或已超时',
  PhaseEnded: '案件已进入其他阶段',
  'StepFunctions.ExecutionAlreadyExistsException': '下一阶段的流程已启动',
  'States.Timeout': '等待超过规定期限',
  'States.TaskFailed': '流程步骤执行失败',
  'States.Runtime': '流程运行出错',
  'States.Permissions': '流程无权执行该步骤',
  'Lambda.ServiceException': '系统服务暂时不可用',
  'Lambda.AWSLambdaException': '系统服务暂时不可用',
  'Lambda.SdkClientException': '系统服务暂时不可用',
  'Lambda.ClientExecutionTimeoutException': '系统服务响应超时',
  'Lambda.TooManyRequestsException': '系统繁忙',
  'StepFunctions.SdkClientException': '系统服务暂时不可用',
  'StepFunctions.ThrottlingException': '系统繁忙',
  Unknown: '原因不明',
};

/** The error in Chinese; a name not in the table is said as an unexpected error, its name kept for support. */
export function stepErrorLabel(name: string): string {
  return STEP_ERROR_LABELS[name] ?? `系统内部错误（${name}）`;
}

const FAILED_STEP = /^流程步骤失败：(\S+)$/;

/**
 * The reason of a move to "needs attention" as recorded (`流程步骤失败：<error name>`), with the error said in
 * Chinese; any other reason is returned as it is.
 */
export function attentionReason(reason: string): string {
  const name = FAILED_STEP.exec(reason)?.[1];
  return name === undefined ? reason : `流程步骤失败：${stepErrorLabel(name)}`;
}
