/**
 * The field officers' phone app (issue 17), an installable PWA at /field/: sign in like the console; today's field
 * work (my cases with on-site acts pending); check out (purpose, case, planned return, position with consent) and
 * in; capture photo, video and audio, hashed on the phone and uploaded through the signed URL, kept in an offline
 * queue (IndexedDB) the officer sees until each item is recorded and verified; an on-site record (现场笔录); the
 * panic button. The staff API only.
 */
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  type ConsoleConfig,
  chinaTime,
  client,
  codeSignInOf,
  finishCodeSignIn,
  forgetCookieSession,
  signedIn as hasSession,
  saveToken,
} from '../api.ts';
import { type LabelKey, translator } from '../i18n.ts';
import { SignIn } from '../sign-in.tsx';
import type { Presigned } from './item.ts';
import {
  enqueue,
  items,
  type OutboxMessage,
  outbox,
  post,
  type QueueItem,
  saveItem,
  sent,
  sha256Hex,
} from './queue.ts';
import { StorageRefusal, send, type Uploader } from './upload.ts';

/** P-EVIDENCE's sizes (functions/domain/rules/table.ts): above the first, by parts of the second. */
const SINGLE_UPLOAD_MAX_BYTES = 16 * 1024 * 1024;
const PART_BYTES = 8 * 1024 * 1024;

const ACTS: Record<string, string> = {
  seal: '查封',
  search: '搜查',
  serve: '直接送达',
  detain: '拘传/拘留',
  inspect: '现场调查',
  other: '其他现场执行',
};

/** The console's labels (its sign-in is this app's too: the provider's on AWS, password and code or dev tokens locally). */
const labels = translator('zh');
const t = (key: LabelKey): string => (key === 'title' ? '智慧执行 · 外勤' : labels(key));

const STATUS_LABELS: Record<QueueItem['status'], string> = {
  queued: '待上传',
  uploading: '上传中',
  verified: '已入卷并核验',
  failed: '上传失败，将重试',
};

interface Trip {
  tripId: string;
  caseId: string;
  caseNumber: string;
  act: string;
  purpose: string;
  startedAt: string;
  plannedReturnAt: string;
}

interface WorkCase {
  caseId: string;
  caseNumber: string;
  respondents: { name: string }[];
  assets: { assetId: string; institution: string; reference: string; status: string }[];
  nodes: { node: string; dueDate: string }[];
  pending: { act: string; subject: string; detail: string; label: string }[];
}

type Position = { consent: boolean; latitude?: number; longitude?: number; accuracyMeters?: number };

/** The position now, only if the officer consents; no position (consent false) when refused or unavailable. */
function locate(consent: boolean): Promise<Position> {
  if (!consent || !('geolocation' in navigator)) return Promise.resolve({ consent: false });
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          consent: true,
          latitude: p.coords.latitude,
          longitude: p.coords.longitude,
          accuracyMeters: p.coords.accuracy,
        }),
      () => resolve({ consent: false }),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 },
    ),
  );
}

/** A PUT of bytes to a signed storage URL: the ETag, or the refusal storage answered (S3's XML error form). */
async function putSigned(request: Presigned, body: Blob): Promise<string> {
  const { 'content-length': _length, ...headers } = request.headers;
  const response = await fetch(request.url, { method: request.method, headers, body });
  if (response.ok) return response.headers.get('etag') ?? '';
  const text = await response.text().catch(() => '');
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? 'Refused';
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? '';
  throw new StorageRefusal(response.status, code, message);
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function CheckOutForm({
  work,
  onOut,
  consent,
}: {
  work: WorkCase;
  onOut: (body: Record<string, unknown>) => void;
  consent: boolean;
}) {
  const [act, setAct] = useState(work.pending[0]?.act ?? 'inspect');
  const [purpose, setPurpose] = useState(work.pending[0]?.detail ?? '');
  const [hours, setHours] = useState('4');
  const submit = async (event: Event) => {
    event.preventDefault();
    onOut({
      tripId: crypto.randomUUID(),
      caseId: work.caseId,
      act,
      purpose,
      plannedMinutes: Math.round(Number(hours) * 60),
      position: await locate(consent),
    });
  };
  return (
    <form class="checkout" onSubmit={submit} aria-label={`外出：${work.caseNumber}`}>
      <label>
        事项
        <select value={act} onChange={(e) => setAct((e.target as HTMLSelectElement).value)}>
          {Object.entries(ACTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        外出事由
        <input value={purpose} required onInput={(e) => setPurpose((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        预计外出（小时）
        <input
          type="number"
          min="1"
          max="24"
          value={hours}
          onInput={(e) => setHours((e.target as HTMLInputElement).value)}
        />
      </label>
      <button type="submit">外出签出</button>
    </form>
  );
}

function App({ config }: { config: ConsoleConfig }) {
  const [signedIn, setSignedIn] = useState(hasSession());
  const forget = useCallback(() => {
    saveToken(undefined);
    forgetCookieSession();
    setSignedIn(false);
  }, []);
  const [api] = useState(() => client(config, forget));
  const [uploader] = useState<Uploader>(() => ({ api, put: putSigned, save: saveItem }));
  const online = useOnline();
  const [work, setWork] = useState<WorkCase[]>([]);
  const [trip, setTrip] = useState<Trip | null>(null);
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [pendingMessages, setPendingMessages] = useState<OutboxMessage[]>([]);
  const [consent, setConsent] = useState(localStorage.getItem('field-location-consent') === 'yes');
  const [message, setMessage] = useState<string | undefined>();
  const [note, setNote] = useState('');

  const refreshQueue = useCallback(async () => {
    setQueue(await items());
    setPendingMessages(await outbox());
  }, []);

  const load = useCallback(async () => {
    if (!signedIn || !navigator.onLine) return;
    try {
      const today = await api.get<{ cases: WorkCase[]; trip: Trip | null }>('/field/work');
      setWork(today.cases);
      setTrip(today.trip);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  }, [api, signedIn]);

  /** Sends what waits: messages first (check-out, panic...), then captures, one at a time, each once. */
  const [syncing, setSyncing] = useState(false);
  const sync = useCallback(async () => {
    if (!signedIn || !navigator.onLine || syncing) return;
    setSyncing(true);
    try {
      for (const m of await outbox()) {
        await api.post(m.path, m.body);
        await sent(m.id);
      }
      for (const item of await items()) {
        if (item.status === 'verified') continue;
        try {
          await send(uploader, item, PART_BYTES);
        } catch (e) {
          item.status = 'failed';
          // A dropped network is a TypeError from fetch, in the browser's language: said in the officer's.
          item.error = e instanceof TypeError ? '网络中断' : e instanceof Error ? e.message : String(e);
          await saveItem(item);
        }
        await refreshQueue();
      }
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setSyncing(false);
      await refreshQueue();
    }
  }, [api, uploader, signedIn, syncing, refreshQueue]);

  useEffect(() => {
    void refreshQueue();
    void load();
  }, [load, refreshQueue]);
  useEffect(() => {
    if (online) void sync().then(load);
  }, [online, signedIn]);

  useEffect(() => localStorage.setItem('field-location-consent', consent ? 'yes' : 'no'), [consent]);

  /** A message to the server: now when online, else kept in the outbox and sent once back online. */
  const deliver = async (path: string, body: unknown, label: string) => {
    const m = { id: crypto.randomUUID(), method: 'POST' as const, path, body, label };
    if (navigator.onLine) {
      try {
        return await api.post(path, body);
      } catch (e) {
        if (navigator.onLine && !(e instanceof TypeError)) throw e;
      }
    }
    await post(m);
    await refreshQueue();
    setMessage(`离线：${label}已保存，恢复网络后自动发送`);
    return undefined;
  };

  const checkOut = async (body: Record<string, unknown>) => {
    try {
      const out = (await deliver('/field/trips', body, '外出签出')) as Trip | undefined;
      setTrip(
        out ??
          ({
            ...body,
            caseNumber: work.find((w) => w.caseId === body.caseId)?.caseNumber ?? '',
            startedAt: new Date().toISOString(),
            plannedReturnAt: new Date(Date.now() + Number(body.plannedMinutes) * 60_000).toISOString(),
          } as unknown as Trip),
      );
      setMessage(undefined);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  const checkIn = async () => {
    if (!trip) return;
    await deliver(`/field/trips/${trip.tripId}/check-in`, { position: await locate(consent) }, '签到返回');
    setTrip(null);
    void load();
  };

  const capture = (kind: QueueItem['kind']) => async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || !trip) return;
    const bytes = await file.arrayBuffer();
    const sha256 = await sha256Hex(bytes);
    const partsSha256: string[] = [];
    if (file.size > SINGLE_UPLOAD_MAX_BYTES)
      for (let start = 0; start < file.size; start += PART_BYTES)
        partsSha256.push(await sha256Hex(bytes.slice(start, start + PART_BYTES)));
    const added = await enqueue({
      sha256,
      caseId: trip.caseId,
      tripId: trip.tripId,
      kind,
      contentType: file.type || (kind === 'photo' ? 'image/jpeg' : kind === 'video' ? 'video/mp4' : 'audio/mp4'),
      sizeBytes: file.size,
      name: file.name,
      capturedAt: new Date().toISOString(),
      position: await locate(consent),
      blob: file,
      ...(partsSha256.length > 0 ? { partsSha256 } : {}),
      status: 'queued',
    });
    setMessage(added ? undefined : '同一文件已在队列中，不重复上传');
    await refreshQueue();
    if (navigator.onLine) void sync();
  };

  const siteRecord = async (event: Event) => {
    event.preventDefault();
    if (!trip || !note.trim()) return;
    const evidence = queue
      .filter((i) => i.tripId === trip.tripId && i.status === 'verified' && i.evidenceId)
      .map((i) => i.evidenceId as string);
    await deliver(
      `/cases/${trip.caseId}/site-records`,
      { recordId: crypto.randomUUID(), act: trip.act, note: note.trim(), tripId: trip.tripId, evidence },
      '现场笔录',
    );
    setNote('');
    setMessage('现场笔录已提交');
  };

  const panic = async () => {
    const body = { incidentId: crypto.randomUUID(), note: '外勤干警按下紧急求助', position: await locate(consent) };
    await deliver('/field/incidents', body, '紧急求助');
    if (navigator.onLine) setMessage('已通知指挥中心');
  };

  if (!signedIn) return <SignIn config={config} api={api} t={t} onSignedIn={() => setSignedIn(true)} />;
  return (
    <>
      <header>
        <h1>智慧执行 · 外勤</h1>
        <p data-testid="network" class={online ? 'online' : 'offline'}>
          {online ? '在线' : '离线（采集内容保存在本机）'}
        </p>
        <button type="button" class="panic" onClick={panic}>
          紧急求助
        </button>
      </header>
      <main>
        {message ? (
          <p class="notice" role="status">
            {message}
          </p>
        ) : null}
        <label class="consent">
          <input
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent((e.target as HTMLInputElement).checked)}
          />
          同意在签出、采集和签到时记录我的位置（仅指挥中心可见，行程结束后按规定期限删除）
        </label>
        {trip ? (
          <section aria-labelledby="trip-title" data-testid="trip">
            <h2 id="trip-title">外勤中：{trip.caseNumber}</h2>
            <p>
              {ACTS[trip.act] ?? trip.act}：{trip.purpose}；{chinaTime(trip.startedAt)}签出，计划
              {chinaTime(trip.plannedReturnAt)}返回
            </p>
            <div class="capture">
              <label class="button">
                拍照
                <input type="file" accept="image/*" capture="environment" onChange={capture('photo')} />
              </label>
              <label class="button">
                录像
                <input type="file" accept="video/*" capture="environment" onChange={capture('video')} />
              </label>
              <label class="button">
                录音
                <input type="file" accept="audio/*" capture="user" onChange={capture('audio')} />
              </label>
            </div>
            <form onSubmit={siteRecord}>
              <label for="note">现场笔录</label>
              <textarea id="note" value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
              <button type="submit">提交笔录</button>
            </form>
            <button type="button" onClick={checkIn}>
              签到返回
            </button>
          </section>
        ) : (
          <section aria-labelledby="work-title">
            <h2 id="work-title">今日外勤</h2>
            {work.length === 0 ? <p>暂无待办的现场事项</p> : null}
            {work.map((w) => (
              <article key={w.caseId} data-testid="work-case">
                <h3>{w.caseNumber}</h3>
                <p>被执行人：{w.respondents.map((r) => r.name).join('、')}</p>
                {w.pending.length > 0 ? (
                  <ul>
                    {w.pending.map((p) => (
                      <li key={p.subject}>
                        {p.label}：{p.detail}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {w.nodes.length > 0 ? <p>期限：{w.nodes.map((n) => `${n.node} ${n.dueDate}`).join('；')}</p> : null}
                <CheckOutForm work={w} onOut={checkOut} consent={consent} />
              </article>
            ))}
          </section>
        )}
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">上传队列</h2>
          {queue.length === 0 && pendingMessages.length === 0 ? <p>队列为空</p> : null}
          <ul data-testid="queue">
            {pendingMessages.map((m) => (
              <li key={m.id} data-status="outbox">
                {m.label}：待发送
              </li>
            ))}
            {queue.map((i) => (
              <li key={i.sha256} data-status={i.status}>
                {i.name}（{Math.ceil(i.sizeBytes / 1024)} KB，SHA-256 {i.sha256.slice(0, 12)}…）：
                {STATUS_LABELS[i.status]}
                {i.status !== 'verified' && i.issued?.parts
                  ? `（分段上传：已传 ${Object.keys(i.etags ?? {}).length}/${i.issued.parts.length} 段）`
                  : ''}
                {i.error ? `（${i.error}）` : ''}
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}

async function start(): Promise<void> {
  if ('serviceWorker' in navigator)
    void navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => undefined);
  const config = (await (await fetch('config.json')).json()) as ConsoleConfig;
  // Back from the provider's sign-in (Cognito, or the court's OpenID Connect provider in China): the code for the ID
  // token, as the console does.
  const provider = codeSignInOf(config);
  if (provider) await finishCodeSignIn(provider);
  const root = document.getElementById('app');
  if (!root) return;
  root.replaceChildren();
  render(<App config={config} />, root);
}

void start();
