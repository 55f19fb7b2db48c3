import { useEffect, useState } from 'react';
import { api } from './api.js';

export function FlowList() {
  const [flows, setFlows] = useState(null);
  const [error, setError] = useState(null);
  const [newId, setNewId] = useState('');

  useEffect(() => { api.overview().then(setFlows).catch((e) => setError(e.message)); }, []);

  const exists = (id) => flows?.some((f) => f.id === id);

  const create = async (e) => {
    e.preventDefault();
    const id = newId.trim().toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    if (!id) return;
    if (exists(id)) {
      setError(`There is a flow called “${newId.trim()}” already. Open it from the list, or choose another name.`);
      return;
    }
    try {
      await api.saveDraft(id, { id, name: newId.trim(), version: 1, exitOn: ['OrderCancelled', 'OrderRefunded'], activities: [], connections: [] }, null);
      window.location.hash = `#/flows/${encodeURIComponent(id)}`;
    } catch (err) { setError(err.message); }
  };

  const importFile = async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    let id = null;
    try { id = JSON.parse(text)?.id ?? null; } catch { /* the server names what is wrong with the file */ }
    if (id && exists(id) && !window.confirm(`A flow with the id “${id}” exists already. Replace its draft with this file? Its published versions stay as they are.`)) {
      e.target.value = '';
      return;
    }
    try {
      const result = await api.importFlow(text);
      window.location.hash = `#/flows/${encodeURIComponent(result.id)}`;
    } catch (err) { setError(err.message); }
  };

  return (
    <main className="list">
      <h1>Flows</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {flows === null ? <p>Loading…</p> : (
        <table>
          <thead><tr><th>Name</th><th>State</th><th>Version</th><th>Running</th><th>Sent, last 7 days</th></tr></thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.id}>
                <td><a href={`#/flows/${encodeURIComponent(f.id)}`}>{f.name || f.id}</a></td>
                <td><span className={`state state-${f.state}`}>{f.state}</span></td>
                <td>{f.publishedVersion ?? '—'}</td>
                <td>{f.running}</td>
                <td>{f.sentLast7Days}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="new-flow" onSubmit={create}>
        <label htmlFor="new-flow">New flow</label>
        <input id="new-flow" placeholder="e.g. Winback after 60 days" value={newId} onChange={(e) => setNewId(e.target.value)} />
        <button type="submit">Create</button>
        <label className="import">Import a flow file <input type="file" accept="application/json,.json" onChange={importFile} /></label>
      </form>
      <FrequencyCapSettings />
    </main>
  );
}

/** The marketing frequency cap across all flows: at most N marketing messages per customer per period. */
function FrequencyCapSettings() {
  const [cap, setCap] = useState(null);
  const [status, setStatus] = useState(null);
  useEffect(() => { api.frequencyCap().then(setCap).catch((e) => setStatus({ ok: false, text: e.message })); }, []);
  if (!cap) return status ? <p role="alert" className="error">{status.text}</p> : null;
  const save = async (e) => {
    e.preventDefault();
    try { setCap(await api.saveFrequencyCap(cap)); setStatus({ ok: true, text: 'Saved: it applies to every flow from now on.' }); }
    catch (err) { setStatus({ ok: false, text: err.message }); }
  };
  return (
    <section aria-labelledby="cap-heading" className="cap">
      <h2 id="cap-heading">Marketing frequency cap</h2>
      <p className="hint">Across all flows. Order and service mail is never capped. A step can hold its message until the cap allows, or ignore the cap.</p>
      <form onSubmit={save}>
        <label htmlFor="cap-messages">At most</label>
        <input id="cap-messages" type="number" min="0" value={cap.messages} onChange={(e) => setCap({ ...cap, messages: Number(e.target.value) })} />
        <label htmlFor="cap-hours">marketing message(s) per customer in</label>
        <input id="cap-hours" type="number" min="0" step="1" value={cap.periodHours} onChange={(e) => setCap({ ...cap, periodHours: Number(e.target.value) })} />
        <span>hours (0 messages: no cap)</span>
        <button type="submit">Save the cap</button>
      </form>
      {status && <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'notice' : 'error'}>{status.text}</p>}
    </section>
  );
}
