/** Sign-in: by user id on a virtual-clock directory, password and one-time code on a real clock, the provider's own sign-in on AWS (Cognito, or the court's OpenID Connect provider in China). */
import { useState } from 'preact/hooks';
import { type Api, type ConsoleConfig, codeSignInOf, saveToken, startCodeSignIn } from './api.ts';
import { Problem, type T } from './ui.tsx';

export function SignIn({
  config,
  api,
  t,
  onSignedIn,
}: {
  config: ConsoleConfig;
  api: Api;
  t: T;
  onSignedIn: () => void;
}) {
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
