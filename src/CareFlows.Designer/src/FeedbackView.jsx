import { useEffect, useState } from 'react';
import { api } from './api.js';
import { scoreBars } from './feedback.js';

const WORDS = ['Very unhappy', 'Unhappy', 'Okay', 'Happy', 'Very happy'];

/** What customers say: the score distribution and average by week, the latest answers, open cases with owner and age. */
export function FeedbackView() {
  const [days, setDays] = useState(30);
  const [flowId, setFlowId] = useState('');
  const [sku, setSku] = useState('');
  const [summary, setSummary] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => { api.feedback(days, flowId, sku).then(setSummary, (e) => setError(e.message)); }, [days, flowId, sku]);
  if (error) return <main className="feedback"><p className="error" role="alert">{error}</p></main>;
  if (!summary) return <main className="feedback"><p className="loading">Loading…</p></main>;
  const csv = `/api/feedback/answers.csv?days=${days}${flowId ? `&flowId=${encodeURIComponent(flowId)}` : ''}${sku ? `&sku=${encodeURIComponent(sku)}` : ''}`;
  return (
    <main className="feedback">
      <h1>Feedback</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="fb-days">Period</label>
        <select id="fb-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {[7, 30, 90, 365].map((d) => <option key={d} value={d}>last {d} days</option>)}
        </select>
        <label htmlFor="fb-flow">Flow</label>
        <input id="fb-flow" value={flowId} placeholder="all flows" onChange={(e) => setFlowId(e.target.value.trim())} />
        <label htmlFor="fb-sku">Product (SKU)</label>
        <input id="fb-sku" value={sku} placeholder="all products" onChange={(e) => setSku(e.target.value.trim())} />
        <a href={csv} download="feedback.csv">Download CSV</a>
      </form>
      <section aria-labelledby="fb-scores">
        <h2 id="fb-scores">Ratings</h2>
        <p>{summary.ratings} rating{summary.ratings === 1 ? '' : 's'}{summary.average != null && <>, average <strong>{summary.average}</strong> of 5</>}.</p>
        <table className="bars"><tbody>
          {scoreBars(summary.distribution).map((b) => (
            <tr key={b.score}><th scope="row">{b.score} · {WORDS[b.score - 1]}</th>
              <td><span className="bar" style={{ width: `${b.percent}%` }} />{b.count} ({b.percent}%)</td></tr>
          ))}
        </tbody></table>
        {summary.weeks.length > 0 && <table><caption>By week</caption><thead><tr><th>Week of</th><th>Ratings</th><th>Average</th></tr></thead>
          <tbody>{summary.weeks.map((w) => <tr key={w.weekOf}><td>{w.weekOf}</td><td>{w.ratings}</td><td>{w.average}</td></tr>)}</tbody></table>}
      </section>
      <section aria-labelledby="fb-cases">
        <h2 id="fb-cases">Open cases</h2>
        <p>{summary.casesResolved} resolved in the period{summary.medianHoursToResolve != null && `, median ${summary.medianHoursToResolve} h to resolve`}.</p>
        {summary.openCases.length === 0 ? <p className="hint">No open cases.</p> :
          <table><thead><tr><th>Customer</th><th>Order</th><th>Why</th><th>Owner</th><th>Open for</th></tr></thead>
            <tbody>{summary.openCases.map((c) => <tr key={c.caseId}>
              <td><a href={`#/customers/${encodeURIComponent(c.customerId)}`}>{c.customerId}</a></td><td>{c.orderId}</td><td>{c.reason}</td><td>{c.owner}</td><td>{c.ageHours} h</td>
            </tr>)}</tbody></table>}
      </section>
      <section aria-labelledby="fb-latest">
        <h2 id="fb-latest">Latest answers</h2>
        {summary.latest.length === 0 ? <p className="hint">No answers yet.</p> :
          <table><thead><tr><th>When</th><th>Customer</th><th>Flow</th><th>Order</th><th>Score</th><th>Comment or reply</th></tr></thead>
            <tbody>{summary.latest.map((a, i) => <tr key={`${a.at}-${i}`}>
              <td>{new Date(a.at).toLocaleString()}</td><td><a href={`#/customers/${encodeURIComponent(a.customerId)}`}>{a.customerId}</a></td>
              <td>{a.flowId} v{a.flowVersion}</td><td>{a.orderNumber}</td><td>{a.score ?? 'reply'}</td><td className="comment">{a.comment ?? a.reply ?? ''}</td>
            </tr>)}</tbody></table>}
      </section>
    </main>
  );
}

/** One customer's owner, answers and cases; a case is resolved here with a note. */
export function CustomerCare({ customerId }) {
  const [care, setCare] = useState(null);
  const [error, setError] = useState(null);
  const [notes, setNotes] = useState({});
  const load = () => api.customerCare(customerId).then(setCare, (e) => setError(e.message));
  useEffect(() => { load(); }, [customerId]);
  const resolve = async (caseId) => {
    try { await api.resolveCase(customerId, caseId, notes[caseId] ?? ''); await load(); } catch (e) { setError(e.message); }
  };
  if (!care) return <main className="feedback">{error ? <p className="error" role="alert">{error}</p> : <p className="loading">Loading…</p>}</main>;
  return (
    <main className="feedback">
      <h1>Customer {customerId}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <p>Owner: {care.owner ? <>{care.owner.name} (<a href={`mailto:${care.owner.email}`}>{care.owner.email}</a>)</> : 'none yet'}</p>
      <h2>Cases</h2>
      {care.cases.length === 0 ? <p className="hint">No cases.</p> : <ul className="cases">{care.cases.map((c) => (
        <li key={c.id}><strong>{c.reason}</strong>, order {c.orderId}, opened {new Date(c.openedAt).toLocaleString()}, owner {c.owner.name}
          {c.resolvedAt ? <p>Resolved {new Date(c.resolvedAt).toLocaleString()} by {c.resolvedBy}: {c.note}</p> :
            <form onSubmit={(e) => { e.preventDefault(); resolve(c.id); }}>
              <label htmlFor={`note-${c.id}`}>How was it put right?</label>
              <input id={`note-${c.id}`} required value={notes[c.id] ?? ''} onChange={(e) => setNotes({ ...notes, [c.id]: e.target.value })} />
              <button type="submit">Resolve case</button>
            </form>}
        </li>))}</ul>}
      <h2>Answers</h2>
      {care.answers.length === 0 ? <p className="hint">No answers.</p> : <ul>{care.answers.map((a, i) => (
        <li key={i}>{new Date(a.at).toLocaleString()}: {a.score != null ? `${a.score} of 5` : 'replied'} to {a.activityId} of order {a.orderNumber}
          {(a.comment ?? a.reply) && <blockquote>{a.comment ?? a.reply}</blockquote>}</li>))}</ul>}
    </main>
  );
}
