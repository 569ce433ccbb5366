/** The clock control of a local virtual-clock data directory (a real clock shows nothing). */
import { useEffect, useState } from 'preact/hooks';
import { type Api, chinaTime } from './api.ts';
import { Problem, type T } from './ui.tsx';

export function ClockControl({ api, t, onMoved }: { api: Api; t: T; onMoved: () => void }) {
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
