import { useEffect, useState } from 'react';
import { api } from './api.js';
import { ConditionBuilder } from './ConditionBuilder.jsx';
import { eventName } from './describe.js';
import { describeDuration, parseDuration, splitProblem } from './graph.js';

const TIME_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The selected activity's settings, built from its type's property specs (GET /api/activity-types). */
export function PropertiesPanel({ flowId, dirty, node, type, faults, templates, ports, portLabels, targets, emails, targetOf, onChange, onRename, onConnect, onDelete }) {
  if (!node || !type) return <aside className="panel" aria-label="Properties"><p className="hint">Select an activity to edit it.</p></aside>;
  const set = (name, value) => onChange({ ...node.data.properties, [name]: value });
  return (
    <aside className="panel" aria-label="Properties">
      <h2>{type.label}</h2>
      <p className="hint">{type.description}</p>
      <p className="hint">Id: <code>{node.id}</code></p>
      <div className="field"><label htmlFor="prop-display-name">Name on the canvas</label>
        <input id="prop-display-name" value={node.data.displayName ?? ''} placeholder={node.id} onChange={(e) => onRename(e.target.value)} />
        <p className="hint">What the box, the timeline, Watch and the version history call it; the id stays.</p></div>
      {faults?.length > 0 && <ul className="error" role="alert" aria-label="Problems with this activity">{faults.map((f, i) => <li key={`${i}-${f}`}>{f}</li>)}</ul>}
      {type.properties.map((spec) => (
        <Field key={`${node.id}.${spec.name}`} spec={spec} value={node.data.properties[spec.name]} templates={templates} emails={emails ?? []} onChange={(v) => set(spec.name, v)} />
      ))}
      {type.name === 'SendEmail' && node.data.properties.template && <TemplatePreview template={node.data.properties.template} flowId={flowId} />}
      {type.name === 'SendEmail' && node.data.properties.template && flowId && <TestSend flowId={flowId} activityId={node.id} dirty={dirty} />}
      <Connections ports={ports} portLabels={portLabels ?? {}} targets={targets} targetOf={targetOf} onConnect={onConnect} />
      <button type="button" className="danger" onClick={onDelete}>Delete activity</button>
    </aside>
  );
}

function Field({ spec, value, templates, emails, onChange }) {
  const id = `prop-${spec.name}`;
  const label = <label htmlFor={id}>{spec.label}{spec.required ? ' *' : ''}</label>;
  const hint = spec.hint ? <p className="hint">{spec.hint}</p> : null;
  switch (spec.kind) {
    case 'Template':
      return <div className="field">{label}
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a template…</option>
          {Object.keys(templates).map((t) => <option key={t} value={t}>{t}</option>)}
        </select></div>;
    case 'Category': case 'Choice': case 'Event':
      return <div className="field">{label}
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {(spec.choices ?? []).map((c) => <option key={c} value={c}>{spec.kind === 'Event' ? eventName(c) : c}</option>)}
        </select>{hint}</div>;
    case 'Message':
      return <div className="field">{label}
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose an email of this flow…</option>
          {emails.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>{hint}</div>;
    case 'Score':
      return <div className="field">{label}
        <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}>
          <option value="">Default</option>
          {[1, 2, 3, 4, 5].map((s) => <option key={s} value={s}>{s} of 5</option>)}
        </select>{hint}</div>;
    case 'Expression':
      return <ConditionBuilder id={id} label={spec.label} required={spec.required} value={value} onChange={onChange} />;
    case 'Duration':
      return <DurationField id={id} label={label} value={value} onChange={onChange} />;
    case 'Number':
      return <div className="field">{label}<input id={id} type="number" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))} />{hint}</div>;
    case 'Branches':
      return <BranchesField id={id} label={label} value={value} onChange={onChange} />;
    case 'TimeZone':
      return <div className="field">{label}<input id={id} list="time-zones" value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
        <datalist id="time-zones">{TIME_ZONES.map((z) => <option key={z} value={z} />)}</datalist>
        <p className="hint">Your browser is in {Intl.DateTimeFormat().resolvedOptions().timeZone}. {spec.hint}</p></div>;
    default:
      return <div className="field">{label}<input id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />{hint}</div>;
  }
}

// Where each outcome leads, as fields: the same wiring as dragging between handles, without a mouse.
function Connections({ ports, portLabels, targets, targetOf, onConnect }) {
  if (!ports?.length) return null;
  return <fieldset className="connections">
    <legend>Then go to</legend>
    {ports.map((port) => (
      <div className="field" key={port}>
        <label htmlFor={`then-${port}`}>{ports.length > 1 ? `When ${portLabels[port] ?? port}` : 'Next activity'}</label>
        <select id={`then-${port}`} value={targetOf(port)} onChange={(e) => onConnect(port, e.target.value)}>
          <option value="">Nothing (the flow ends here)</option>
          {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
        </select>
      </div>
    ))}
  </fieldset>;
}

// Durations are typed as people say them ("3 days") and stored as ISO-8601 ("P3D").
function DurationField({ id, label, value, onChange }) {
  const [text, setText] = useState(describeDuration(value) ?? value ?? '');
  // Follow the stored value only when it changed from elsewhere (undo, another field): rewriting the text while the
  // marketer types ("2 d" already reads as P2D) would put "2 days" under the cursor and leave "2 daysays".
  useEffect(() => {
    setText((typed) => (parseDuration(typed) === (value ?? null) || (typed === '' && !value) ? typed : describeDuration(value) ?? value ?? ''));
  }, [value]);
  const parsed = parseDuration(text);
  return <div className="field">{label}
    <input id={id} value={text} placeholder="e.g. 3 days" aria-invalid={text !== '' && !parsed}
      onChange={(e) => { setText(e.target.value); const iso = parseDuration(e.target.value); if (iso || e.target.value === '') onChange(iso ?? ''); }} />
    {text !== '' && !parsed && <p className="error">Write it like “3 days”, “2 hours” or “1 week”.</p>}
  </div>;
}

function BranchesField({ id, label, value, onChange }) {
  const branches = Array.isArray(value) ? value : [];
  const problem = splitProblem(branches);
  const update = (i, patch) => onChange(branches.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return <div className="field" id={id}>{label}
    {branches.map((b, i) => (
      <div key={i} className="branch">
        <input aria-label={`Branch ${i + 1} name`} value={b.name ?? ''} onChange={(e) => update(i, { name: e.target.value })} />
        <input aria-label={`Branch ${i + 1} weight`} type="number" value={b.weight ?? 0} onChange={(e) => update(i, { weight: Number(e.target.value) })} />
      </div>
    ))}
    <button type="button" onClick={() => onChange([...branches, { name: `branch-${branches.length + 1}`, weight: 0 }])}>Add branch</button>
    {problem && <p className="error">{problem}</p>}
  </div>;
}

function TemplatePreview({ template, flowId }) {
  const [locale, setLocale] = useState('en');
  const [preview, setPreview] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    setError(null);
    api.preview(template, locale, flowId).then(setPreview).catch((e) => { setPreview(null); setError(e.message); });
  }, [template, locale, flowId]);
  return <div className="preview">
    <label htmlFor="preview-locale">Preview for the sample order in</label>
    <select id="preview-locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
      {['en', 'de', 'fr', 'de-AT'].map((l) => <option key={l}>{l}</option>)}
    </select>
    {error && <p className="error">{error}</p>}
    {preview && <>
      <p className="subject">{preview.subject}</p>
      <iframe title="Rendered email" sandbox="" srcDoc={preview.html} />
    </>}
  </div>;
}

// A test send: this step's email, rendered for the sample order, to an address the marketer types. The draft as
// saved is what is sent, so unsaved changes are pointed out.
function TestSend({ flowId, activityId, dirty }) {
  const [to, setTo] = useState('');
  const [status, setStatus] = useState(null);
  const send = async (e) => {
    e.preventDefault();
    setStatus(null);
    try {
      const sent = await api.testSend(flowId, activityId, to);
      setStatus({ ok: true, text: `Sent “${sent.subject}” to ${to}.` });
    } catch (err) { setStatus({ ok: false, text: err.message }); }
  };
  return <form className="test-send" onSubmit={send}>
    <label htmlFor="test-send-to">Send a test of this email to</label>
    <input id="test-send-to" type="email" required value={to} placeholder="you@shop.example" onChange={(e) => setTo(e.target.value)} />
    <button type="submit">Send test</button>
    {dirty && <p className="hint">The test uses the saved draft: save first to include your latest changes.</p>}
    {status && <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'notice' : 'error'}>{status.text}</p>}
  </form>;
}
