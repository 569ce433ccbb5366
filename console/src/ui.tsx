/**
 * What every console page shares: data loading, the light badge, the problem line, labels in the chosen language,
 * a case number that never wraps, and a table that scrolls sideways on a phone instead of widening the page.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { nodeLabel } from '#domain/case/node-labels.ts';
import { STATUS_LABELS } from '#domain/case/status.ts';
import { ROLE_LABELS } from '#domain/staff/roles.ts';
import { PHASE_LABELS } from '#domain/timeline/labels.ts';
import type { Api } from './api.ts';
import { type LabelKey, type Lang, words } from './i18n.ts';

export type T = (key: LabelKey) => string;

/** What the shell gives each page. */
export interface PageProps {
  readonly api: Api;
  readonly t: T;
  readonly lang: Lang;
  /** Bumped when the virtual clock moves: pages reload. */
  readonly version: number;
}

export type Light = 'met' | 'green' | 'due-soon' | 'overdue';

const LIGHT_KEYS: Record<Light, LabelKey> = { met: 'met', green: 'green', 'due-soon': 'dueSoon', overdue: 'overdue' };

/** Loads `load()` when `deps` change; `reload` runs it again. */
export function useData<D>(load: () => Promise<D>, deps: readonly unknown[]) {
  const [data, setData] = useState<D | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    load()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}

/** A code in English words, capitalised: `control-plan` → `Control plan`. */
export function english(code: string): string {
  const text = words(code.replace(/:.*$/, ''));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function statusLabel(status: string, lang: Lang): string {
  return lang === 'zh' ? ((STATUS_LABELS as Record<string, string>)[status] ?? status) : english(status);
}

export function roleLabel(role: string, lang: Lang): string {
  return lang === 'zh' ? ((ROLE_LABELS as Record<string, string>)[role] ?? role) : english(role);
}

export function phaseLabel(phase: string | undefined, lang: Lang): string {
  if (!phase) return '—';
  return lang === 'zh' ? ((PHASE_LABELS as Record<string, string>)[phase] ?? phase) : english(phase);
}

export function nodeName(node: string, lang: Lang): string {
  if (lang === 'zh') return nodeLabel(node);
  const run = node.includes(':') ? ` ${node.slice(node.indexOf(':') + 1)}` : '';
  return `${english(node)}${run}`;
}

/** A task's step: the API's Chinese label (which names a supervised node), or the step in English. */
export function stepName(task: { step: string; stepLabel: string }, lang: Lang): string {
  return lang === 'zh' ? task.stepLabel : english(task.step);
}

export function LightBadge({ light, t }: { light: Light; t: T }) {
  return <span class={`light light-${light}`}>{t(LIGHT_KEYS[light])}</span>;
}

export function Problem({ message, t }: { message: string | undefined; t: T }) {
  if (!message) return null;
  return (
    <p class="problem" role="alert">
      {t('error')}：{message}
    </p>
  );
}

/** A case number, kept on one line (it never breaks inside 执 or a bracket). */
export function CaseNumber({ caseId, number }: { caseId?: string; number: string }) {
  return caseId ? (
    <a class="case-number" href={`#/cases/${caseId}`}>
      {number}
    </a>
  ) : (
    <span class="case-number">{number}</span>
  );
}

/** A table that scrolls sideways inside its own box on a narrow screen. */
export function Scroll({ children }: { children: ComponentChildren }) {
  return <div class="scroll">{children}</div>;
}
