/**
 * The case page's measures: exit restriction, reward notice, judicial relief, bankruptcy referral. Shows what the
 * staff API's GET /cases/{caseId}/measures answers, and lets the officer propose or record each (their approvals
 * then appear among the tasks). Money is entered in yuan and sent in fen.
 */
import { useEffect, useState } from 'preact/hooks';
import { type Api, ApiError, chinaTime, yuan } from './api.ts';
import type { LabelKey } from './i18n.ts';

type T = (key: LabelKey) => string;

interface View {
  exitBan?: {
    status: string;
    label: string;
    persons: { personId: string; role: string }[];
    restricted: string[];
    released: string[];
    notices: { kind: string; round: number; sentAt: string; answered: boolean }[];
    liftReason?: string;
  };
  reward?: {
    status: string;
    label: string;
    capFen: number;
    depositFen: number;
    paidFen: number;
    refundedFen: number;
    leads: {
      leadId: string;
      receivedAt: string;
      informantRef: string;
      label: string;
      summary: string;
      realisedFen: number;
      rewardFen?: number;
    }[];
  };
  relief?: {
    status: string;
    label: string;
    requestedFen: number;
    grantedFen?: number;
    recoveredFen: number;
    toRecoverFen: number;
  };
  bankruptcy?: { status: string; label: string; toCourt: string };
}

interface Parties {
  applicants: { partyId: string; name: string }[];
  respondents: { partyId: string; name: string; kind: string }[];
}

/** Yuan as typed (`20000`, `20,000.50`) to fen; undefined when it is not an amount. */
function fenOf(text: string): number | undefined {
  const match = /^(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number((match[1] ?? '0').replace(/,/g, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function MeasuresPanel({ api, caseId, t }: { api: Api; caseId: string; t: T }) {
  const [view, setView] = useState<View | undefined>(undefined);
  const [parties, setParties] = useState<Parties | undefined>(undefined);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([api.get<View>(`/cases/${caseId}/measures`), api.get<Parties>(`/cases/${caseId}`)])
      .then(([v, p]) => {
        if (!live) return;
        setView(v);
        setParties(p);
      })
      .catch((e: unknown) => live && setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [caseId, round]);

  const send = async (path: string, body: Record<string, unknown>) => {
    setMessage(undefined);
    try {
      await api.post(`/cases/${caseId}/measures${path}`, body);
      setMessage({ ok: true, text: t('measureDone') });
      setRound((r) => r + 1);
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
    }
  };
  const applicantId = parties?.applicants[0]?.partyId ?? '';
  const respondentId = parties?.respondents[0]?.partyId ?? '';
  const company = parties?.respondents[0]?.kind === 'organisation';

  return (
    <section aria-labelledby="measures-title" class="measures">
      <h3 id="measures-title">{t('measures')}</h3>
      {message ? (
        <p class={message.ok ? 'done' : 'problem'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      {!view ? <p>{t('loading')}</p> : <Summary view={view} t={t} />}
      <ExitBanForm
        t={t}
        onSend={(reason, ownMotion) =>
          send('/exit-ban', {
            respondentId,
            origin: ownMotion ? 'own-motion' : 'application',
            ...(ownMotion ? {} : { applicantId }),
            reason,
          })
        }
      />
      <AmountForm
        id="relief"
        legend={t('reliefApply')}
        textLabel={t('reliefHardship')}
        t={t}
        onSend={(fen, text) => send('/relief', { applicantId, hardship: text, requestedFen: fen })}
      />
      <AmountForm
        id="reward"
        legend={t('rewardApply')}
        textLabel={t('rewardNote')}
        t={t}
        onSend={(fen) => send('/reward', { applicantId, method: 'fixed', amountFen: fen })}
      />
      {view?.reward?.status === 'approved' || view?.reward?.status === 'applied' ? (
        <AmountForm
          id="deposit"
          legend={t('rewardDeposit')}
          textLabel={t('reference')}
          t={t}
          onSend={(fen, text) => send('/reward/deposit', { amountFen: fen, reference: text })}
        />
      ) : null}
      {company ? (
        <ReferralForm
          t={t}
          onSend={(insolvency, code, name) =>
            send('/bankruptcy', {
              respondentId,
              consentBy: 'applicant',
              consentPartyId: applicantId,
              insolvency,
              toCourt: { code, name },
            })
          }
        />
      ) : null}
      <p>
        <button type="button" onClick={() => void send('/dispatch', {})}>
          {t('measureDispatch')}
        </button>
      </p>
    </section>
  );
}

function Summary({ view, t }: { view: View; t: T }) {
  const rows: [string, string][] = [];
  if (view.exitBan) {
    const b = view.exitBan;
    const last = b.notices.at(-1);
    rows.push([
      t('exitBan'),
      `${b.label} · ${t('exitConfirmed')} ${b.restricted.length}/${b.persons.length} · ${t('exitReleased')} ${b.released.length}${last ? ` · ${chinaTime(last.sentAt)} ${t('exitNotice').replace('{n}', String(last.round))}` : ''}`,
    ]);
  }
  if (view.reward) {
    const r = view.reward;
    rows.push([
      t('reward'),
      `${r.label} · ${yuan(r.capFen)} · ${t('rewardDeposited')} ${yuan(r.depositFen)} · ${t('rewardPaid')} ${yuan(r.paidFen)} · ${t('rewardRefunded')} ${yuan(r.refundedFen)}`,
    ]);
  }
  if (view.relief) {
    const r = view.relief;
    rows.push([
      t('relief'),
      `${r.label} · ${yuan(r.grantedFen ?? r.requestedFen)} · ${t('reliefRecovered')} ${yuan(r.recoveredFen)} · ${t('reliefToRecover')} ${yuan(r.toRecoverFen)}`,
    ]);
  }
  if (view.bankruptcy) rows.push([t('bankruptcy'), `${view.bankruptcy.label}（${view.bankruptcy.toCourt}）`]);
  if (rows.length === 0) return <p>{t('none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('measure')}</th>
          <th scope="col">{t('state')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, state]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{state}</td>
          </tr>
        ))}
        {(view.reward?.leads ?? []).map((l) => (
          <tr key={l.leadId}>
            <th scope="row">{t('rewardLead').replace('{date}', chinaTime(l.receivedAt).slice(0, 10))}</th>
            <td>
              {t('rewardInformant')}
              {l.informantRef}：{l.summary} · {l.label} · {t('rewardRealised')}
              {yuan(l.realisedFen)}
              {l.rewardFen !== undefined ? ` · ${t('rewardEarned')}${yuan(l.rewardFen)}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExitBanForm({ t, onSend }: { t: T; onSend: (reason: string, ownMotion: boolean) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [ownMotion, setOwnMotion] = useState(false);
  return (
    <form
      class="measure-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSend(reason.trim(), ownMotion);
      }}
    >
      <fieldset>
        <legend>{t('exitBanApply')}</legend>
        <label for="exit-reason">{t('exitReason')}</label>
        <input
          id="exit-reason"
          value={reason}
          onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          required
        />
        <label>
          <input
            type="checkbox"
            checked={ownMotion}
            onChange={(e) => setOwnMotion((e.target as HTMLInputElement).checked)}
          />
          {t('exitOwnMotion')}
        </label>
        <button type="submit">{t('measureSubmit')}</button>
      </fieldset>
    </form>
  );
}

function AmountForm(props: {
  id: string;
  legend: string;
  textLabel: string;
  t: T;
  onSend: (fen: number, text: string) => Promise<void>;
}) {
  const [amount, setAmount] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <form
      class="measure-form"
      onSubmit={(e) => {
        e.preventDefault();
        const fen = fenOf(amount);
        if (fen === undefined || fen <= 0) return setProblem(props.t('amountInvalid'));
        setProblem(undefined);
        void props.onSend(fen, text.trim());
      }}
    >
      <fieldset>
        <legend>{props.legend}</legend>
        <label for={`${props.id}-amount`}>{props.t('amountYuan')}</label>
        <input
          id={`${props.id}-amount`}
          inputMode="decimal"
          value={amount}
          onInput={(e) => setAmount((e.target as HTMLInputElement).value)}
          required
        />
        <label for={`${props.id}-text`}>{props.textLabel}</label>
        <input
          id={`${props.id}-text`}
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          required
        />
        {problem ? (
          <span class="problem" role="alert">
            {problem}
          </span>
        ) : null}
        <button type="submit">{props.t('measureSubmit')}</button>
      </fieldset>
    </form>
  );
}

function ReferralForm({
  t,
  onSend,
}: {
  t: T;
  onSend: (insolvency: string, code: string, name: string) => Promise<void>;
}) {
  const [insolvency, setInsolvency] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const input = (id: string, label: LabelKey, value: string, set: (v: string) => void) => (
    <>
      <label for={id}>{t(label)}</label>
      <input id={id} value={value} onInput={(e) => set((e.target as HTMLInputElement).value)} required />
    </>
  );
  return (
    <form
      class="measure-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSend(insolvency.trim(), code.trim(), name.trim());
      }}
    >
      <fieldset>
        <legend>{t('bankruptcyApply')}</legend>
        {input('referral-insolvency', 'bankruptcyInsolvency', insolvency, setInsolvency)}
        {input('referral-code', 'bankruptcyCourtCode', code, setCode)}
        {input('referral-name', 'bankruptcyCourtName', name, setName)}
        <button type="submit">{t('measureSubmit')}</button>
      </fieldset>
    </form>
  );
}
