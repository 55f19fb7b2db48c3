import { useEffect, useState } from 'react';
import { api } from './api.js';

export function FlowList() {
  const [flows, setFlows] = useState(null);
  const [error, setError] = useState(null);
  const [newId, setNewId] = useState('');
  const [templates, setTemplates] = useState([]);
  const [template, setTemplate] = useState('');
  const [showArchived, setShowArchived] = useState(false);

  const load = () => api.overview().then(setFlows).catch((e) => setError(e.message));
  useEffect(() => { load(); api.flowTemplates().then(setTemplates).catch(() => setTemplates([])); }, []);
  const listed = (flows ?? []).filter((f) => showArchived || f.state !== 'archived');
  const archivedCount = (flows ?? []).filter((f) => f.state === 'archived').length;

  // Before the list has loaded, "does this flow exist?" is asked of the server, not of an empty list.
  const existsNow = async (id) => (flows ?? await api.overview().catch(() => [])).some((f) => f.id === id);

  const create = async (e) => {
    e.preventDefault();
    const id = newId.trim().toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    if (!id) return;
    if (await existsNow(id)) {
      setError(`There is a flow called “${newId.trim()}” already. Open it from the list, or choose another name.`);
      return;
    }
    try {
      // From a ready-made starting point, or empty; either way a draft of the marketer's own, under their name.
      const start = templates.find((t) => t.id === template)?.definition;
      const definition = start
        ? { ...start, id, name: newId.trim(), version: 1 }
        : { id, name: newId.trim(), version: 1, exitOn: ['OrderCancelled', 'OrderRefunded'], activities: [], connections: [] };
      await api.saveDraft(id, definition, null);
      window.location.hash = `#/flows/${encodeURIComponent(id)}`;
    } catch (err) { setError(err.message); }
  };

  const importFile = async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    let id = null;
    try { id = JSON.parse(text)?.id ?? null; } catch { /* the server names what is wrong with the file */ }
    if (id && await existsNow(id) && !window.confirm(`A flow with the id “${id}” exists already. Replace its draft with this file? Its published versions stay as they are.`)) {
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
          <thead><tr><th>Name</th><th>State</th><th>Version</th><th>Running</th><th>Sent, last 7 days</th><th>Revenue, last 7 days</th></tr></thead>
          <tbody>
            {listed.map((f) => (
              <tr key={f.id}>
                <td><a href={`#/flows/${encodeURIComponent(f.id)}`}>{f.name || f.id}</a></td>
                <td><span className={`state state-${f.state}`}>{f.state}</span></td>
                <td>{f.publishedVersion ?? '—'}</td>
                <td>{f.running}</td>
                <td>{f.sentLast7Days}</td>
                <td>{f.ordersLast7Days ? `${f.currency} ${Number(f.revenueLast7Days).toFixed(2)} (${f.ordersLast7Days} order${f.ordersLast7Days === 1 ? '' : 's'})` : '—'}</td>
                {f.state === 'archived' && <td><button type="button" onClick={async () => { await api.unarchive(f.id); load(); }}>Bring back</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {archivedCount > 0 && <label className="show-archived"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show {archivedCount} archived flow(s)</label>}
      <form className="new-flow" onSubmit={create}>
        <label htmlFor="new-flow">New flow</label>
        <input id="new-flow" placeholder="e.g. Welcome for first orders" value={newId} onChange={(e) => setNewId(e.target.value)} />
        <label htmlFor="new-flow-template">Start from</label>
        <select id="new-flow-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
          <option value="">An empty flow</option>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
        {template && <p className="hint">{templates.find((t) => t.id === template)?.description}</p>}
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
