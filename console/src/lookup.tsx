/** Find a case by its number or a party id. */
import { useState } from 'preact/hooks';
import { CaseNumber, type PageProps, Problem, statusLabel } from './ui.tsx';

export function Lookup({ api, t, lang }: PageProps) {
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
              <CaseNumber caseId={c.caseId} number={c.caseNumber} />（{statusLabel(c.status, lang)}）
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
