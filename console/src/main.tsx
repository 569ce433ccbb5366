/**
 * The staff console's shell: sign-in, the header (navigation, who is signed in, language, the virtual clock) and
 * the page of the current hash route. Each page lives in its own module; a new page is one line in ROUTES.
 * Preact, hash routes, the staff API only.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  type ConsoleConfig,
  client,
  codeSignInOf,
  finishCodeSignIn,
  forgetCookieSession,
  signedIn as hasSession,
  saveToken,
} from './api.ts';
import { Board } from './board.tsx';
import { CasePage } from './case-page.tsx';
import { ClockControl } from './clock.tsx';
import { FieldBoard } from './field-board.tsx';
import { type LabelKey, type Lang, translator } from './i18n.ts';
import { Lookup } from './lookup.tsx';
import { SignIn } from './sign-in.tsx';
import { TaskPage, Tasks } from './tasks.tsx';
import { type PageProps, roleLabel, useData } from './ui.tsx';

interface Me {
  userId: string;
  name: string;
  roles: string[];
  court: string;
}

/**
 * A page of the console: its hash route (`#/<view>` or `#/<view>/<id>`), its navigation label (none: reached by
 * links only), and what it shows.
 */
export interface ConsoleRoute {
  readonly view: string;
  readonly nav?: LabelKey;
  readonly render: (props: PageProps & { readonly id: string | undefined }) => ComponentChildren;
}

const ROUTES: readonly ConsoleRoute[] = [
  {
    view: 'tasks',
    nav: 'tasks',
    render: (p) =>
      p.id ? <TaskPage key={`${p.id}-${p.version}`} {...p} approvalId={p.id} /> : <Tasks key={p.version} {...p} />,
  },
  { view: 'cases', render: (p) => (p.id ? <CasePage key={`${p.id}-${p.version}`} {...p} caseId={p.id} /> : null) },
  { view: 'board', nav: 'board', render: (p) => <Board {...p} /> },
  { view: 'field', nav: 'field', render: (p) => <FieldBoard api={p.api} lang={p.lang} version={p.version} /> },
  { view: 'lookup', nav: 'lookup', render: (p) => <Lookup {...p} /> },
];

function useRoute(): string {
  const [hash, setHash] = useState(location.hash || '#/tasks');
  useEffect(() => {
    const changed = () => setHash(location.hash || '#/tasks');
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
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
  const current = ROUTES.find((r) => r.view === view) ?? (ROUTES[0] as ConsoleRoute);
  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header>
        <h1>{t('title')}</h1>
        <nav aria-label={t('title')}>
          {ROUTES.filter((r) => r.nav).map((r) => (
            <a key={r.view} href={`#/${r.view}`} aria-current={current.view === r.view ? 'page' : undefined}>
              {t(r.nav as LabelKey)}
            </a>
          ))}
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
      <main id="main">{current.render({ api, t, lang, version, id })}</main>
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
