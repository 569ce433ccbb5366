/**
 * Zod issues as callers and logs see them: the field named, never a value the caller sent. Zod's own messages name
 * expected types and formats, except for unknown keys, whose message quotes them (a key is input too: it could be
 * anything, personal data included); and a path can pass through the keys of a record. Both are kept out here.
 */
import type * as z from 'zod';

/** A path segment that is a plausible field name or index; anything else is shown as `*`. */
const FIELD = /^[A-Za-z0-9_-]{1,64}$/;

export function issuePath(issue: z.core.$ZodIssue, prefix?: string): string {
  const segments = issue.path.map((segment) => (FIELD.test(String(segment)) ? String(segment) : '*'));
  return [...(prefix ? [prefix] : []), ...segments].join('.');
}

export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.length === 1 ? 'has an unrecognized field' : `has ${issue.keys.length} unrecognized fields`;
  return issue.message;
}

/** `path: message` for each issue (the empty path as `fallback`). */
export function issueLines(error: z.core.$ZodError, fallback = '(body)', prefix?: string): string[] {
  return error.issues.map((issue) => `${issuePath(issue, prefix) || fallback}: ${issueMessage(issue)}`);
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
  record: '对象',
  date: '日期',
};

const ORIGIN_UNITS: Record<string, string> = { string: '个字符', array: '项', set: '项', file: '字节' };

/** One zod issue in Chinese, for staff: what the field needs, never the value sent. */
export function issueMessageZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // Zod keeps no input in an issue (and must not: it could be personal data); its message says what came.
      return /received undefined$/.test(issue.message) ? '必填' : `须为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      const unit = ORIGIN_UNITS[issue.origin];
      return unit
        ? `至少 ${issue.minimum} ${unit}`
        : `须${issue.inclusive === false ? '大于' : '不小于'} ${issue.minimum}`;
    }
    case 'too_big': {
      const unit = ORIGIN_UNITS[issue.origin];
      return unit
        ? `至多 ${issue.maximum} ${unit}`
        : `须${issue.inclusive === false ? '小于' : '不大于'} ${issue.maximum}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不正确' : `格式不正确（须为 ${issue.format}）`;
    case 'invalid_value':
      return `须为其中之一：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? '含有一个不认识的字段' : `含有 ${issue.keys.length} 个不认识的字段`;
    case 'invalid_union':
      return 'options' in issue && issue.options && issue.options.length > 0
        ? `须为其中之一：${issue.options.map(String).join('、')}`
        : '不符合任何一种允许的形式';
    case 'not_multiple_of':
      return `须为 ${issue.divisor} 的整数倍`;
    case 'custom':
      return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '不符合要求';
    default:
      return '不符合要求';
  }
}

const PART_NAMES: Record<string, string> = { body: '请求体', query: '查询参数', path: '路径参数' };

/**
 * The API's 400 message for a part of the request, naming each field in Chinese: `请求体字段不符合要求：reason 必填；
 * days 须为整数`. The path inside the part is shown without its prefix; the part itself when the issue is the whole.
 */
export function requestIssuesZh(error: z.core.$ZodError, part: string): string {
  const name = PART_NAMES[part] ?? part;
  const lines = error.issues.map((issue) => {
    const field = issuePath(issue);
    return field ? `${field} ${issueMessageZh(issue)}` : `${name}${issueMessageZh(issue)}`;
  });
  return `${name}不符合要求：${lines.join('；')}`;
}

/** `field 需要什么` for each issue, in Chinese (the empty path as `fallback`): staff-facing refusals. */
export function issueLinesZh(error: z.core.$ZodError, fallback = '请求体', prefix?: string): string[] {
  return error.issues.map((issue) => {
    const field = issuePath(issue, prefix);
    return field ? `${field} ${issueMessageZh(issue)}` : `${fallback}${issueMessageZh(issue)}`;
  });
}
