/**
 * The runtime's clock: real time by default; virtual for demos and tests, where `advance` moves time forward
 * and every timer falling due on the way fires at its own moment. The mode is chosen when a data directory is
 * created and kept with it, so a production directory cannot have its clock moved by accident.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Clock } from '#ports/clock.ts';

export type ClockMode = 'real' | 'virtual';

export class ClockModeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClockModeError';
  }
}

export class RuntimeClock implements Clock {
  readonly mode: ClockMode;
  private virtualMs: number;
  /** The virtual instant as text, made once per move of the clock (it is read thousands of times a case). */
  private virtualIso: Instant | undefined;

  constructor(mode: ClockMode, start: Instant) {
    this.mode = mode;
    this.virtualMs = Date.parse(start);
  }

  now(): Instant {
    if (this.mode === 'real') return new Date().toISOString();
    this.virtualIso ??= new Date(this.virtualMs).toISOString();
    return this.virtualIso;
  }

  /** Virtual clock only; time never goes backwards. */
  set(instant: Instant): void {
    if (this.mode !== 'virtual')
      throw new ClockModeError('本数据目录使用真实时钟，不能调整时间（仅演示和测试用的虚拟时钟可以）');
    const ms = Date.parse(instant);
    if (ms > this.virtualMs) {
      this.virtualMs = ms;
      this.virtualIso = undefined;
    }
  }
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

export class InvalidDurationError extends Error {
  constructor(text: string) {
    super(`时长格式不正确：${text}（例如 30m、12h、3d、2w，可组合如 1d12h）`);
    this.name = 'InvalidDurationError';
  }
}

/** `3d`, `12h`, `1d12h`, `90m`, `2w` -> seconds. */
export function parseDuration(text: string): number {
  const parts = [...text.trim().matchAll(/(\d+)\s*([smhdw])/g)];
  const joined = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || joined.replace(/\s/g, '') !== text.replace(/\s/g, '')) throw new InvalidDurationError(text);
  return parts.reduce((total, [, amount, unit]) => total + Number(amount) * (UNITS[unit ?? 's'] ?? 0), 0);
}
