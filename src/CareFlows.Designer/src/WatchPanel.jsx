import { describeResult, describeStep } from './stepCounts.js';

const PERIODS = [[1, 'Last 24 hours'], [7, 'Last 7 days'], [30, 'Last 30 days'], [90, 'Last 90 days']];

/** How the flow is doing, step by step, over a chosen period; the same counts are drawn on the canvas. */
export function WatchPanel({ report, days, onDays, onSelect, names = {}, order = [] }) {
  // In the order the flow runs (the whole flow first), not alphabetically.
  const rank = (id) => (id ? (order.indexOf(id) === -1 ? order.length : order.indexOf(id)) : -1);
  const steps = report ? [...report.steps].sort((a, b) => rank(a.activityId) - rank(b.activityId)) : [];
  const earned = (id) => describeResult((report?.results ?? []).find((r) => r.activityId === id));
  return (
    <div className="watch">
      <label htmlFor="watch-period">Period</label>
      <select id="watch-period" value={days} onChange={(e) => onDays(Number(e.target.value))}>
        {PERIODS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <p className="hint">Clicks on tracked links; orders the customer placed within the attribution window (5 days unless Tracking:AttributionWindow says otherwise) after a click or a message, with their revenue; discount codes redeemed. Opens are not counted: mail privacy features make them unreliable.</p>
      {!report ? <p>Loading…</p> : steps.length === 0 ? <p className="hint">No customer has entered this flow in this period.</p> : (
        <ul className="steps" aria-label="Counts per step">
          {steps.map((s) => (
            <li key={s.activityId || '(flow)'}>
              {s.activityId
                ? <button type="button" className="link" onClick={() => onSelect(s.activityId)}>{names[s.activityId] ?? s.activityId}</button>
                : <strong>Whole flow</strong>}
              <div>{describeStep(s)}</div>
              {earned(s.activityId) && <div className="earned">{earned(s.activityId)}</div>}
              {s.skipped.map((r) => <div key={`s${r.reason}`} className="hint">skipped {r.count}: {r.reason}</div>)}
              {s.exited.map((r) => <div key={`e${r.reason}`} className="hint">exited {r.count}: {r.reason}</div>)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
