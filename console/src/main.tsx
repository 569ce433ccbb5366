/**
 * The staff console: sign in, the task inbox with its decide form (and the step's evidence), the case page
 * (timeline, nodes, parties, assets, seizures, money, documents, evidence), the command-center board, lookups, and the clock
 * control of a local virtual-clock data directory. Preact, hash routes, the staff API only.
 */
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { nodeLabel } from '#domain/case/node-labels.ts';
import { STATUS_LABELS } from '#domain/case/status.ts';
import { ROLE_LABELS } from '#domain/staff/roles.ts';
import {
  type Api,
  ApiError,
  type ConsoleConfig,
  chinaTime,
  client,
  codeSignInOf,
  finishCodeSignIn,
  forgetCookieSession,
  signedIn as hasSession,
  saveToken,
  startCodeSignIn,
  yuan,
} from './api.ts';
import { DocumentList } from './documents.tsx';
import { FieldBoard } from './field-board.tsx';
import { type LabelKey, type Lang, translator, words } from './i18n.ts';

type T = (key: LabelKey) => string;

interface Me {
  userId: string;
  name: string;
  roles: string[];
  court: string;
}

interface Task {
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

interface NodeView {
  node: string;
  ruleId: string;
  dueDate: string;
  dueAt: string;
  status: string;
  unconfirmedYears: number[];
  extensions?: number;
}

type Light = 'met' | 'green' | 'due-soon' | 'overdue';

const LIGHT_KEYS: Record<Light, LabelKey> = { met: 'met', green: 'green', 'due-soon': 'dueSoon', overdue: 'overdue' };
const ASSET_CLASSES: Record<string, string> = {
  deposit: '银行存款',
  'online-funds': '网络资金',
  'real-estate': '不动产',
  vehicle: '车辆',
  securities: '证券',
};
const ASSET_STATUSES: Record<string, string> = {
  found: '已查得',
  frozen: '已冻结',
  sealed: '已查封',
  entrusted: '已委托查封',
  deducted: '已扣划',
  'freeze-failed': '冻结未成功',
};
const PHASE_LABELS: Record<string, string> = {
  service: '分案与送达',
  investigation: '查控',
  disbursement: '案款发放与结案',
  coercion: '强制措施',
};

function useRoute(): string {
  const [hash, setHash] = useState(location.hash || '#/tasks');
  useEffect(() => {
    const changed = () => setHash(location.hash || '#/tasks');
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

/** Loads `load()` when `deps` change; `reload` runs it again. */
function useData<D>(load: () => Promise<D>, deps: readonly unknown[]) {
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

function statusLabel(status: string, lang: Lang): string {
  return lang === 'zh' ? ((STATUS_LABELS as Record<string, string>)[status] ?? status) : words(status);
}

function roleLabel(role: string, lang: Lang): string {
  return lang === 'zh' ? ((ROLE_LABELS as Record<string, string>)[role] ?? role) : words(role);
}

function LightBadge({ light, t }: { light: Light; t: T }) {
  return <span class={`light light-${light}`}>{t(LIGHT_KEYS[light])}</span>;
}

function Problem({ message, t }: { message: string | undefined; t: T }) {
  if (!message) return null;
  return (
    <p class="problem" role="alert">
      {t('error')}：{message}
    </p>
  );
}

function SignIn({ config, api, t, onSignedIn }: { config: ConsoleConfig; api: Api; t: T; onSignedIn: () => void }) {
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const provider = codeSignInOf(config);
  if (provider) {
    return (
      <main class="signin">
        <h1>{t('title')}</h1>
        <button type="button" onClick={() => void startCodeSignIn(provider)}>
          {t('signInCognito')}
        </button>
      </main>
    );
  }
  if (config.clock !== 'virtual') return <PasswordSignIn api={api} t={t} onSignedIn={onSignedIn} />;
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const issued = await api.post<{ token: string }>('/auth/token', { userId: userId.trim() });
      saveToken(issued.token);
      onSignedIn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <main class="signin">
      <h1>{t('title')}</h1>
      <form onSubmit={submit}>
        <label for="user-id">{t('userId')}</label>
        <input
          id="user-id"
          name="userId"
          autocomplete="username"
          value={userId}
          onInput={(e) => setUserId((e.target as HTMLInputElement).value)}
          aria-describedby="user-id-hint"
          required
        />
        <p id="user-id-hint" class="hint">
          {t('signInHint')}
        </p>
        <button type="submit">{t('signIn')}</button>
      </form>
      <Problem message={error} t={t} />
    </main>
  );
}

/** A real-clock server: password, and the one-time code for approving roles; the session is an HttpOnly cookie. */
function PasswordSignIn({ api, t, onSignedIn }: { api: Api; t: T; onSignedIn: () => void }) {
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await api.post('/auth/sign-in', {
        userId: userId.trim(),
        password,
        ...(code.trim() ? { totp: code.trim() } : {}),
        session: 'cookie',
      });
      setPassword('');
      onSignedIn();
    } catch (e) {
      setPassword('');
      setCode('');
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <main class="signin">
      <h1>{t('title')}</h1>
      <form onSubmit={submit}>
        <label for="user-id">{t('userId')}</label>
        <input
          id="user-id"
          name="userId"
          autocomplete="username"
          value={userId}
          onInput={(e) => setUserId((e.target as HTMLInputElement).value)}
          required
        />
        <label for="password">{t('password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          required
        />
        <label for="totp">{t('totp')}</label>
        <input
          id="totp"
          name="totp"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]{6}"
          value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
          aria-describedby="totp-hint"
        />
        <p id="totp-hint" class="hint">
          {t('totpHint')}
        </p>
        <button type="submit">{t('signIn')}</button>
      </form>
      <Problem message={error} t={t} />
    </main>
  );
}

function Tasks({ api, t, lang }: { api: Api; t: T; lang: Lang }) {
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
                  <a href={`#/tasks/${task.approvalId}`}>{task.stepLabel}</a>
                </td>
                <td>{task.caseNumber}</td>
                <td>{task.summary}</td>
                <td>{roleLabel(task.requiredRole, lang)}</td>
                <td>
                  {chinaTime(task.dueAt)} {task.overdue ? <LightBadge light="overdue" t={t} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface EvidenceItem {
  evidenceId: string;
  step: string;
  status: string;
  kind?: string;
  description?: string;
  contentType?: string;
}

function EvidenceList({ api, caseId, step, t }: { api: Api; caseId: string; step?: string; t: T }) {
  const query = step ? `?step=${encodeURIComponent(step)}` : '';
  const { data, error } = useData(
    () => api.get<{ evidence: EvidenceItem[] }>(`/cases/${caseId}/evidence${query}`),
    [caseId, step],
  );
  const [links, setLinks] = useState<Record<string, string>>({});
  const open = async (evidenceId: string) => {
    const issued = await api.post<{ link: { url: string } }>(`/cases/${caseId}/evidence/${evidenceId}/links`, {
      purpose: 'view',
    });
    setLinks((l) => ({ ...l, [evidenceId]: issued.link.url }));
  };
  if (error) return <Problem message={error} t={t} />;
  if (!data) return <p>{t('loading')}</p>;
  if (data.evidence.length === 0) return <p class="evidence-none">{t('none')}</p>;
  return (
    <ul class="evidence">
      {data.evidence.map((item) => (
        <li key={item.evidenceId}>
          <span>
            {item.description ?? item.evidenceId}（{item.kind ?? item.contentType}，{item.status}）
          </span>{' '}
          {item.status === 'recorded' ? (
            links[item.evidenceId] ? (
              <a href={links[item.evidenceId]} target="_blank" rel="noreferrer">
                {t('downloadLink')}
              </a>
            ) : (
              <button type="button" onClick={() => void open(item.evidenceId)}>
                {t('view')}
              </button>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function TaskPage({ api, t, lang, approvalId }: { api: Api; t: T; lang: Lang; approvalId: string }) {
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
        {task.stepLabel} · {task.caseNumber}
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

interface CaseData {
  caseId: string;
  caseNumber: string;
  status: string;
  phase?: string;
  team?: string;
  officer?: string;
  claim: { totalFen: number };
  applicants: { partyId: string; name: string; kind: string }[];
  respondents: { partyId: string; name: string; kind: string }[];
  nodes: Record<string, NodeView>;
  nodeLights: Record<string, Light>;
  assets: Record<
    string,
    {
      assetId: string;
      class: string;
      institution: string;
      reference: string;
      balanceFen?: number;
      frozenFen: number;
      deductedFen: number;
      status: string;
      freezeExpiresOn?: string;
    }
  >;
  ledger: { entryId: string; kind: string; amountFen: number; at: string; counterparty: string }[];
}

function CasePage({ api, t, lang, caseId }: { api: Api; t: T; lang: Lang; caseId: string }) {
  const { data, error } = useData(() => api.get<CaseData>(`/cases/${caseId}`), [caseId]);
  const timeline = useData(
    () => api.get<{ lines: { seq: number; at: string; actor: string; text: string }[] }>(`/cases/${caseId}/timeline`),
    [caseId],
  );
  if (error) return <Problem message={error} t={t} />;
  if (!data) return <p>{t('loading')}</p>;
  const nodes = Object.values(data.nodes).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const balance = data.ledger.reduce((total, e) => total + (e.kind === 'received' ? e.amountFen : -e.amountFen), 0);
  return (
    <section aria-labelledby="case-title">
      <h2 id="case-title">
        {t('caseTitle')} {data.caseNumber}
      </h2>
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd data-testid="case-status">{statusLabel(data.status, lang)}</dd>
        <dt>{t('phase')}</dt>
        <dd>{data.phase ? (lang === 'zh' ? PHASE_LABELS[data.phase] : data.phase) : '—'}</dd>
        <dt>{t('team')}</dt>
        <dd>{data.team ?? '—'}</dd>
        <dt>{t('officer')}</dt>
        <dd>{data.officer ?? '—'}</dd>
        <dt>{t('claim')}</dt>
        <dd>{yuan(data.claim.totalFen)}</dd>
        <dt>{t('balance')}</dt>
        <dd>{yuan(balance)}</dd>
      </dl>
      <h3>{t('nodes')}</h3>
      <table class="nodes">
        <thead>
          <tr>
            <th scope="col">{t('node')}</th>
            <th scope="col">{t('rule')}</th>
            <th scope="col">{t('dueDate')}</th>
            <th scope="col">{t('light')}</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.node} data-node={node.node}>
              <td>{nodeLabel(node.node)}</td>
              <td>{node.ruleId}</td>
              <td>
                {node.dueDate}
                {node.unconfirmedYears.length > 0 ? ` ⚠ ${node.unconfirmedYears.join(',')}` : ''}
              </td>
              <td>
                <LightBadge light={data.nodeLights[node.node] ?? 'green'} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('parties')}</h3>
      <ul>
        {data.applicants.map((p) => (
          <li key={p.partyId}>
            {t('applicant')}：{p.name}
          </li>
        ))}
        {data.respondents.map((p) => (
          <li key={p.partyId}>
            {t('respondent')}：{p.name}
          </li>
        ))}
      </ul>
      <h3>{t('assets')}</h3>
      {Object.keys(data.assets).length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('institution')}</th>
              <th scope="col">{t('reference')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('amount')}</th>
              <th scope="col">{t('seizureExpiry')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(data.assets).map((a) => (
              <tr key={a.assetId}>
                <td>{lang === 'zh' ? (ASSET_CLASSES[a.class] ?? a.class) : words(a.class)}</td>
                <td>{a.institution}</td>
                <td>{a.reference}</td>
                <td>{lang === 'zh' ? (ASSET_STATUSES[a.status] ?? a.status) : words(a.status)}</td>
                <td>{yuan(a.deductedFen || a.frozenFen || a.balanceFen)}</td>
                <td>{a.freezeExpiresOn ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('money')}</h3>
      {data.ledger.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul>
          {data.ledger.map((e) => (
            <li key={e.entryId}>
              {chinaTime(e.at)} {t(e.kind as LabelKey)} {yuan(e.amountFen)}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('caseDocuments')}</h3>
      <DocumentList api={api} caseId={caseId} t={t} />
      <h3>{t('caseEvidence')}</h3>
      <EvidenceList api={api} caseId={caseId} t={t} />
      <h3>{t('timeline')}</h3>
      <Problem message={timeline.error} t={t} />
      <ol class="timeline">
        {(timeline.data?.lines ?? []).map((line, i) => (
          <li key={`${line.seq}-${i}`}>
            <time>{line.at}</time> <span class="actor">{line.actor}</span> {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

interface BoardNode {
  caseId: string;
  caseNumber: string;
  team?: string;
  officer?: string;
  label: string;
  light: Light;
  node: NodeView;
}

function NodeTable({ items, t, id }: { items: BoardNode[]; t: T; id: string }) {
  if (items.length === 0) return <p>{t('none')}</p>;
  return (
    <table data-testid={id}>
      <thead>
        <tr>
          <th scope="col">{t('caseNumber')}</th>
          <th scope="col">{t('node')}</th>
          <th scope="col">{t('dueDate')}</th>
          <th scope="col">{t('officer')}</th>
          <th scope="col">{t('light')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.caseId}-${item.node.node}`}>
            <td>
              <a href={`#/cases/${item.caseId}`}>{item.caseNumber}</a>
            </td>
            <td>{item.label}</td>
            <td>{item.node.dueDate}</td>
            <td>{item.officer ?? '—'}</td>
            <td>
              <LightBadge light={item.light} t={t} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Bars({ rows }: { rows: { label: string; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul class="bars">
      {rows.map((row) => (
        <li key={row.label}>
          <span class="bar-label">{row.label}</span>
          <span class="bar" style={{ width: `${(row.count / max) * 100}%` }} aria-hidden="true" />
          <span class="bar-count">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}

function Board({ api, t, lang, version }: { api: Api; t: T; lang: Lang; version: number }) {
  const overdue = useData(() => api.get<{ items: BoardNode[] }>('/board/nodes?state=overdue&limit=50'), [version]);
  const soon = useData(() => api.get<{ items: BoardNode[] }>('/board/nodes?state=due-soon&limit=50'), [version]);
  const waiting = useData(() => api.get<{ items: Task[] }>('/board/approvals?limit=10'), [version]);
  const cases = useData(
    () =>
      api.get<{ phases: { phase: string; count: number }[]; statuses: { status: string; count: number }[] }>(
        '/board/cases',
      ),
    [version],
  );
  const workload = useData(
    () => api.get<{ teams: { teamId: string; name: string; openCases: number }[] }>('/board/workload'),
    [version],
  );
  return (
    <section aria-labelledby="board-title" class="board">
      <h2 id="board-title">{t('board')}</h2>
      <div class="panels">
        <article aria-labelledby="overdue-title">
          <h3 id="overdue-title">{t('overdueNodes')}</h3>
          <Problem message={overdue.error} t={t} />
          <NodeTable items={overdue.data?.items ?? []} t={t} id="overdue-nodes" />
        </article>
        <article aria-labelledby="soon-title">
          <h3 id="soon-title">{t('soonNodes')}</h3>
          <NodeTable items={soon.data?.items ?? []} t={t} id="soon-nodes" />
        </article>
        <article aria-labelledby="waiting-title">
          <h3 id="waiting-title">{t('waitingLongest')}</h3>
          <Problem message={waiting.error} t={t} />
          {(waiting.data?.items ?? []).length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('step')}</th>
                  <th scope="col">{t('caseNumber')}</th>
                  <th scope="col">{t('requiredRole')}</th>
                  <th scope="col">{t('waitingSince')}</th>
                </tr>
              </thead>
              <tbody>
                {(waiting.data?.items ?? []).map((task) => (
                  <tr key={task.approvalId}>
                    <td>{task.stepLabel}</td>
                    <td>
                      <a href={`#/cases/${task.caseId}`}>{task.caseNumber}</a>
                    </td>
                    <td>{roleLabel(task.requiredRole, lang)}</td>
                    <td>{chinaTime(task.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
        <article aria-labelledby="phases-title">
          <h3 id="phases-title">{t('casesPerPhase')}</h3>
          <Bars
            rows={(cases.data?.phases ?? []).map((p) => ({
              label: lang === 'zh' ? (PHASE_LABELS[p.phase] ?? p.phase) : p.phase,
              count: p.count,
            }))}
          />
        </article>
        <article aria-labelledby="workload-title">
          <h3 id="workload-title">{t('workloadPerTeam')}</h3>
          <Bars rows={(workload.data?.teams ?? []).map((team) => ({ label: team.name, count: team.openCases }))} />
        </article>
      </div>
    </section>
  );
}

function Lookup({ api, t, lang }: { api: Api; t: T; lang: Lang }) {
  const [caseNumber, setCaseNumber] = useState('');
  const [partyId, setPartyId] = useState('');
  const [found, setFound] = useState<{ caseId: string; caseNumber: string; status: string }[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    const query = caseNumber.trim()
      ? `caseNumber=${encodeURIComponent(caseNumber.trim())}`
      : `partyId=${encodeURIComponent(partyId.trim())}`;
    try {
      setFound((await api.get<{ items: typeof found & object }>(`/lookup?${query}`)).items);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('lookup')}</h2>
      <form onSubmit={submit} class="lookup">
        <label for="case-number">{t('caseNumber')}</label>
        <input
          id="case-number"
          value={caseNumber}
          onInput={(e) => setCaseNumber((e.target as HTMLInputElement).value)}
        />
        <label for="party-id">{t('orPartyId')}</label>
        <input id="party-id" value={partyId} onInput={(e) => setPartyId((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('search')}</button>
      </form>
      <Problem message={problem} t={t} />
      {found ? (
        <ul aria-label={t('results')}>
          {found.length === 0 ? <li>{t('none')}</li> : null}
          {found.map((c) => (
            <li key={c.caseId}>
              <a href={`#/cases/${c.caseId}`}>{c.caseNumber}</a>（{statusLabel(c.status, lang)}）
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ClockControl({ api, t, onMoved }: { api: Api; t: T; onMoved: () => void }) {
  const [clock, setClock] = useState<{ mode: string; now: string } | undefined>();
  const [duration, setDuration] = useState('1d');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    api
      .get<{ mode: string; now: string }>('/clock')
      .then(setClock)
      .catch(() => setClock(undefined));
  }, [api]);
  if (clock?.mode !== 'virtual') return null;
  const advance = async (by: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const moved = await api.post<{ to: string }>('/clock/advance', { duration: by });
      setClock({ mode: 'virtual', now: moved.to });
      onMoved();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="clock"
      aria-label={t('clock')}
      onSubmit={(e) => {
        e.preventDefault();
        void advance(duration);
      }}
    >
      <span>
        {t('clock')}：<time data-testid="clock-now">{chinaTime(clock.now)}</time>
      </span>
      <label for="clock-duration">{t('duration')}</label>
      <input
        id="clock-duration"
        size={6}
        value={duration}
        onInput={(e) => setDuration((e.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={busy}>
        {t('advance')}
      </button>
      <span aria-live="polite">{busy ? t('loading') : ''}</span>
      <Problem message={problem} t={t} />
    </form>
  );
}

function App({ config }: { config: ConsoleConfig }) {
  const [lang, setLang] = useState<Lang>((localStorage.getItem('enforcement-console-lang') as Lang) ?? 'zh');
  const [signedIn, setSignedIn] = useState(hasSession());
  const [version, setVersion] = useState(0);
  const t = translator(lang);
  /** The session is gone (expired, revoked): forget it here. */
  const forget = useCallback(() => {
    saveToken(undefined);
    forgetCookieSession();
    setSignedIn(false);
  }, []);
  const [api] = useState(() => client(config, forget));
  /** Sign-out ends a cookie session on the server at once; a bearer token is simply dropped. */
  const signOut = useCallback(() => {
    if (config.mode !== 'local') return forget();
    void api
      .post('/auth/sign-out', {})
      .catch(() => undefined)
      .finally(forget);
  }, [api, forget, config.mode]);
  const route = useRoute();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    localStorage.setItem('enforcement-console-lang', lang);
  }, [lang, t]);
  const me = useData(() => (signedIn ? api.get<Me>('/me') : Promise.resolve(undefined)), [signedIn]);
  if (!signedIn) return <SignIn config={config} api={api} t={t} onSignedIn={() => setSignedIn(true)} />;
  const [, view, id] = route.split('/');
  const page =
    view === 'tasks' && id ? (
      <TaskPage key={`${id}-${version}`} api={api} t={t} lang={lang} approvalId={id} />
    ) : view === 'cases' && id ? (
      <CasePage key={`${id}-${version}`} api={api} t={t} lang={lang} caseId={id} />
    ) : view === 'board' ? (
      <Board api={api} t={t} lang={lang} version={version} />
    ) : view === 'field' ? (
      <FieldBoard api={api} lang={lang} version={version} />
    ) : view === 'lookup' ? (
      <Lookup api={api} t={t} lang={lang} />
    ) : (
      <Tasks key={version} api={api} t={t} lang={lang} />
    );
  return (
    <>
      <a class="skip" href="#main">
        {lang === 'zh' ? '跳到正文' : 'Skip to content'}
      </a>
      <header>
        <h1>{t('title')}</h1>
        <nav aria-label={t('title')}>
          <a href="#/tasks" aria-current={view === 'tasks' ? 'page' : undefined}>
            {t('tasks')}
          </a>
          <a href="#/board" aria-current={view === 'board' ? 'page' : undefined}>
            {t('board')}
          </a>
          <a href="#/field" aria-current={view === 'field' ? 'page' : undefined}>
            {lang === 'zh' ? '外勤' : 'Field'}
          </a>
          <a href="#/lookup" aria-current={view === 'lookup' ? 'page' : undefined}>
            {t('lookup')}
          </a>
        </nav>
        <div class="who">
          {me.data ? (
            <span data-testid="me">
              {me.data.name}（{me.data.roles.map((r) => roleLabel(r, lang)).join('、')}）
            </span>
          ) : null}
          <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} lang={lang === 'zh' ? 'en' : 'zh'}>
            {t('language')}
          </button>
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        </div>
        {config.mode === 'local' ? <ClockControl api={api} t={t} onMoved={() => setVersion((v) => v + 1)} /> : null}
      </header>
      <main id="main">{page}</main>
    </>
  );
}

async function start(): Promise<void> {
  const config = (await (await fetch('config.json')).json()) as ConsoleConfig;
  const provider = codeSignInOf(config);
  if (provider) await finishCodeSignIn(provider);
  const root = document.getElementById('app');
  if (!root) return;
  root.replaceChildren();
  render(<App config={config} />, root);
}

void start();
