/** My tasks (the inbox) and one task with its decide form and the evidence of its step. */
import { useState } from 'preact/hooks';
import { ApiError, chinaTime, yuan } from './api.ts';
import { EvidenceList } from './evidence.tsx';
import type { LabelKey } from './i18n.ts';
import {
  CaseNumber,
  LightBadge,
  type PageProps,
  Problem,
  roleLabel,
  Scroll,
  statusLabel,
  stepName,
  useData,
} from './ui.tsx';

export interface Task {
  approvalId: string;
  caseId: string;
  caseNumber: string;
  step: string;
  stepLabel: string;
  level: number;
  requiredRole: string;
  summary: string;
  amountFen?: number;
  dueAt: string;
  createdAt: string;
  status: string;
  assignee?: string;
  overdue: boolean;
}

export function Tasks({ api, t, lang }: PageProps) {
  const { data, error } = useData(() => api.get<{ items: Task[] }>('/tasks'), []);
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('tasks')}</h2>
      <Problem message={error} t={t} />
      {!data ? (
        <p>{t('loading')}</p>
      ) : data.items.length === 0 ? (
        <p>{t('noTasks')}</p>
      ) : (
        <Scroll>
          <table>
            <caption class="visually-hidden">{t('tasks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('step')}</th>
                <th scope="col">{t('caseNumber')}</th>
                <th scope="col">{t('summary')}</th>
                <th scope="col">{t('requiredRole')}</th>
                <th scope="col">{t('due')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((task) => (
                <tr key={task.approvalId}>
                  <td>
                    <a href={`#/tasks/${task.approvalId}`}>{stepName(task, lang)}</a>
                  </td>
                  <td>
                    <CaseNumber caseId={task.caseId} number={task.caseNumber} />
                  </td>
                  <td class="text">{task.summary}</td>
                  <td>{roleLabel(task.requiredRole, lang)}</td>
                  <td>
                    {chinaTime(task.dueAt)} {task.overdue ? <LightBadge light="overdue" t={t} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
    </section>
  );
}

export function TaskPage({ api, t, lang, approvalId }: PageProps & { approvalId: string }) {
  const { data, error } = useData(
    () =>
      api.get<{ task: Task; case: { caseId: string; caseNumber: string; status: string; claimFen: number } }>(
        `/tasks/${approvalId}`,
      ),
    [approvalId],
  );
  const [decision, setDecision] = useState<'approved' | 'rejected'>('approved');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  if (error) return <Problem message={error} t={t} />;
  if (!data) return <p>{t('loading')}</p>;
  const { task } = data;
  const field = (name: string, label: LabelKey, hint?: string) => (
    <p>
      <label for={`field-${name}`}>{t(label)}</label>
      <input
        id={`field-${name}`}
        name={name}
        inputMode="decimal"
        value={fields[name] ?? ''}
        onInput={(e) => setFields((f) => ({ ...f, [name]: (e.target as HTMLInputElement).value }))}
        {...(hint ? { 'aria-describedby': `field-${name}-hint` } : {})}
      />
      {hint ? (
        <span id={`field-${name}-hint`} class="hint">
          {hint}
        </span>
      ) : null}
    </p>
  );
  const stepData = (): Record<string, number | boolean> | undefined => {
    if (decision !== 'approved') return undefined;
    // C4, C6: the president signs the rest of the proposal and refuses one measure (the reason says why).
    if (task.step === 'credit-discipline') return fields.refuse ? { [fields.refuse]: false } : undefined;
    const fen = (value: string | undefined) => (value ? Math.round(Number(value) * 100) : undefined);
    const whole = (value: string | undefined) => (value ? Number(value) : undefined);
    const entries: [string, number | undefined][] =
      task.step === 'disbursement'
        ? [['confirmedAmountFen', fen(fields.confirmed)]]
        : task.step === 'sanction'
          ? [
              ['days', whole(fields.days)],
              ['amountFen', fen(fields.fine)],
            ]
          : task.step === 'term-extension'
            ? [['months', whole(fields.months)]]
            : [];
    const present = entries.filter((e): e is [string, number] => e[1] !== undefined && !Number.isNaN(e[1]));
    return present.length > 0 ? Object.fromEntries(present) : undefined;
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    try {
      const data = stepData();
      await api.post(`/tasks/${approvalId}/decision`, {
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(data ? { data } : {}),
      });
      setOutcome(t('decided'));
    } catch (e) {
      setProblem(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="task-title">
      <p>
        <a href="#/tasks">← {t('backToTasks')}</a>
      </p>
      <h2 id="task-title">
        {stepName(task, lang)} · <span class="case-number">{task.caseNumber}</span>
      </h2>
      <dl class="facts">
        <dt>{t('summary')}</dt>
        <dd>{task.summary}</dd>
        <dt>{t('requiredRole')}</dt>
        <dd>{roleLabel(task.requiredRole, lang)}</dd>
        <dt>{t('due')}</dt>
        <dd>
          {chinaTime(task.dueAt)} {task.overdue ? <LightBadge light="overdue" t={t} /> : null}
        </dd>
        {task.amountFen !== undefined ? (
          <>
            <dt>{t('amountToConfirm')}</dt>
            <dd>{yuan(task.amountFen)}</dd>
          </>
        ) : null}
        <dt>{t('caseTitle')}</dt>
        <dd>
          <a href={`#/cases/${task.caseId}`}>{t('openCase')}</a>（{statusLabel(data.case.status, lang)}）
        </dd>
      </dl>
      <h3>{t('evidence')}</h3>
      <EvidenceList api={api} caseId={task.caseId} step={task.step} t={t} />
      {outcome ? (
        <p class="done" role="status">
          {outcome} · <a href={`#/cases/${task.caseId}`}>{t('openCase')}</a>
        </p>
      ) : (
        <form onSubmit={submit} class="decide">
          <fieldset>
            <legend>{t('decision')}</legend>
            <label>
              <input
                type="radio"
                name="decision"
                value="approved"
                checked={decision === 'approved'}
                onChange={() => setDecision('approved')}
              />
              {t('approve')}
            </label>
            <label>
              <input
                type="radio"
                name="decision"
                value="rejected"
                checked={decision === 'rejected'}
                onChange={() => setDecision('rejected')}
              />
              {t('reject')}
            </label>
          </fieldset>
          {decision === 'approved' && task.step === 'disbursement'
            ? field('confirmed', 'confirmedAmount', `${t('amountToConfirm')} ${yuan(task.amountFen)}`)
            : null}
          {decision === 'approved' && task.step === 'sanction' ? (
            <>
              {field('days', 'days')}
              {field('fine', 'fineAmount')}
            </>
          ) : null}
          {decision === 'approved' && task.step === 'term-extension' ? field('months', 'months') : null}
          {decision === 'approved' && task.step === 'credit-discipline' ? (
            <p>
              <label for="field-refuse">{t('refuseMeasure')}</label>
              <select
                id="field-refuse"
                name="refuse"
                value={fields.refuse ?? ''}
                onChange={(e) => setFields((f) => ({ ...f, refuse: (e.target as HTMLSelectElement).value }))}
              >
                <option value="">{t('refuseNone')}</option>
                <option value="restriction">{t('refuseRestriction')}</option>
                <option value="listing">{t('refuseListing')}</option>
              </select>
            </p>
          ) : null}
          <p>
            <label for="reason">{t('reason')}</label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              value={reason}
              aria-describedby="reason-hint"
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
            <span id="reason-hint" class="hint">
              {t('reasonHint')}
            </span>
          </p>
          <button type="submit">{t('submit')}</button>
          <Problem message={problem} t={t} />
        </form>
      )}
    </section>
  );
}
