/**
 * The command center's view of the field (issue 17): incidents on top, then officers out now (who, case, since,
 * last seen, planned return; overdue ones first and marked), then those back in the last day. A list, refreshed
 * every 15 seconds. Positions are not on the list: the command center's role asks for them (an audited read).
 */
import { useEffect, useState } from 'preact/hooks';
import { type Api, chinaTime } from './api.ts';
import type { Lang } from './i18n.ts';

interface BoardTrip {
  tripId: string;
  officer: string;
  officerName: string;
  caseId: string;
  caseNumber: string;
  actLabel: string;
  purpose: string;
  since: string;
  plannedReturnAt: string;
  lastSeenAt: string;
  overdue: boolean;
  endedAt?: string;
}

interface FieldBoardData {
  now: string;
  incidents: { incidentId: string; officerName: string; at: string; caseId?: string; note?: string }[];
  out: BoardTrip[];
  back: BoardTrip[];
}

interface Located {
  trips: { tripId: string; lastPosition?: { latitude: number; longitude: number; at: string } }[];
}

const LABELS = {
  zh: {
    title: '外勤干警',
    incidents: '紧急情况',
    out: '外勤中',
    back: '已返回（24小时内）',
    officer: '干警',
    caseNumber: '案号',
    act: '事项',
    since: '外出时间',
    lastSeen: '最近联系',
    planned: '计划返回',
    returned: '返回时间',
    overdue: '逾期未返回',
    onTime: '正常',
    none: '暂无',
    positions: '查看位置（记录查阅）',
    position: '最近位置',
    noPosition: '未授权定位',
  },
  en: {
    title: 'Officers in the field',
    incidents: 'Incidents',
    out: 'Out now',
    back: 'Back (last 24 hours)',
    officer: 'Officer',
    caseNumber: 'Case number',
    act: 'Act',
    since: 'Out since',
    lastSeen: 'Last seen',
    planned: 'Planned return',
    returned: 'Back at',
    overdue: 'Overdue',
    onTime: 'On time',
    none: 'None',
    positions: 'Show positions (audited)',
    position: 'Last position',
    noPosition: 'No consent',
  },
} as const;

export function FieldBoard({ api, lang, version }: { api: Api; lang: Lang; version: number }) {
  const l = LABELS[lang];
  const [data, setData] = useState<FieldBoardData | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [located, setLocated] = useState<Located | undefined>();
  useEffect(() => {
    let live = true;
    const load = () =>
      api
        .get<FieldBoardData>('/board/field')
        .then((d) => {
          if (!live) return;
          setData(d);
          setError(undefined);
        })
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    void load();
    const timer = setInterval(load, 15_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, version]);
  const showPositions = () =>
    api
      .post<Located>('/board/field/locations', {})
      .then(setLocated)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const positionOf = (tripId: string) => {
    const found = located?.trips.find((t) => t.tripId === tripId);
    if (!found) return undefined;
    const p = found.lastPosition;
    return p ? `${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)}（${chinaTime(p.at)}）` : l.noPosition;
  };
  return (
    <section aria-labelledby="field-title" class="board">
      <h2 id="field-title">{l.title}</h2>
      {error ? (
        <p class="problem" role="alert">
          {error}
        </p>
      ) : null}
      <article aria-labelledby="incidents-title">
        <h3 id="incidents-title">{l.incidents}</h3>
        {(data?.incidents ?? []).length === 0 ? (
          <p>{l.none}</p>
        ) : (
          <ul data-testid="field-incidents" class="incidents">
            {(data?.incidents ?? []).map((i) => (
              <li key={i.incidentId} role="alert">
                <strong>{i.officerName}</strong> {chinaTime(i.at)} {i.note ?? ''}
              </li>
            ))}
          </ul>
        )}
      </article>
      <article aria-labelledby="out-title">
        <h3 id="out-title">{l.out}</h3>
        <button type="button" onClick={showPositions}>
          {l.positions}
        </button>
        <TripTable trips={data?.out ?? []} l={l} id="field-out" positionOf={located ? positionOf : undefined} />
      </article>
      <article aria-labelledby="back-title">
        <h3 id="back-title">{l.back}</h3>
        <TripTable trips={data?.back ?? []} l={l} id="field-back" />
      </article>
    </section>
  );
}

function TripTable({
  trips,
  l,
  id,
  positionOf,
}: {
  trips: BoardTrip[];
  l: (typeof LABELS)[Lang];
  id: string;
  positionOf?: ((tripId: string) => string | undefined) | undefined;
}) {
  if (trips.length === 0) return <p data-testid={id}>{l.none}</p>;
  return (
    <table data-testid={id}>
      <thead>
        <tr>
          <th scope="col">{l.officer}</th>
          <th scope="col">{l.caseNumber}</th>
          <th scope="col">{l.act}</th>
          <th scope="col">{l.since}</th>
          <th scope="col">{l.lastSeen}</th>
          <th scope="col">{l.planned}</th>
          <th scope="col">{trips[0]?.endedAt ? l.returned : l.overdue}</th>
          {positionOf ? <th scope="col">{l.position}</th> : null}
        </tr>
      </thead>
      <tbody>
        {trips.map((trip) => (
          <tr key={trip.tripId} class={trip.overdue ? 'overdue' : undefined}>
            <td>{trip.officerName}</td>
            <td>
              <a href={`#/cases/${trip.caseId}`}>{trip.caseNumber}</a>
            </td>
            <td>
              {trip.actLabel}：{trip.purpose}
            </td>
            <td>{chinaTime(trip.since)}</td>
            <td>{chinaTime(trip.lastSeenAt)}</td>
            <td>{chinaTime(trip.plannedReturnAt)}</td>
            <td>
              {trip.endedAt ? (
                chinaTime(trip.endedAt)
              ) : (
                <span class={`light light-${trip.overdue ? 'overdue' : 'green'}`}>
                  {trip.overdue ? l.overdue : l.onTime}
                </span>
              )}
            </td>
            {positionOf ? <td>{positionOf(trip.tripId)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
