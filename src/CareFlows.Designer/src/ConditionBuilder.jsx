import { useEffect, useState } from 'react';
import { AVAILABLE_NAMES, FIELDS, OPERATORS, fieldOf, fromExpression, newRule, toExpression } from './conditions.js';

const VALUE_HINTS = { country: 'e.g. GB, IE', sku: 'e.g. MUG-01', locale: 'e.g. de', number: '', score: '1 to 5' };

/**
 * A condition or filter built from lists, no code: a field in plain words, a comparison and a value, several rules
 * joined by all/any, and the expression it writes shown underneath. An expression the builder did not write opens as
 * text, for experts, with the names they can use.
 */
export function ConditionBuilder({ id, label, required, value, onChange }) {
  const [model, setModel] = useState(() => fromExpression(value));
  const [byHand, setByHand] = useState(() => fromExpression(value) === null);
  const update = (next) => { setModel(next); onChange(toExpression(next)); };
  // Follow the stored expression when it changes from elsewhere (undo, another tab), not while rules are being typed.
  useEffect(() => {
    if (byHand || value === toExpression(model ?? { join: 'all', rules: [] })) return;
    const parsed = fromExpression(value);
    if (parsed) setModel(parsed); else setByHand(true);
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  const setRule = (i, patch) => update({ ...model, rules: model.rules.map((r, j) => (i === j ? { ...r, ...patch } : r)) });

  if (byHand) {
    return <div className="field">
      <label htmlFor={id}>{label}{required ? ' *' : ''}</label>
      <input id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
      <p className="hint">Names you can use: {AVAILABLE_NAMES.map((n) => <code key={n}>{n} </code>)}</p>
      <button type="button" className="link" onClick={() => { const parsed = fromExpression(value) ?? { join: 'all', rules: [] }; setModel(parsed); setByHand(false); }}>
        Use the builder{fromExpression(value) === null && value ? ' (starts over)' : ''}
      </button>
    </div>;
  }
  const m = model ?? { join: 'all', rules: [] };
  return <fieldset className="builder">
    <legend>{label}{required ? ' *' : ''}</legend>
    <label htmlFor={`${id}-join`}>Match</label>
    <select id={`${id}-join`} value={m.join} onChange={(e) => update({ ...m, join: e.target.value })}>
      <option value="all">all of these</option>
      <option value="any">any of these</option>
    </select>
    {m.rules.map((rule, i) => {
      const field = fieldOf(rule.field);
      return <div className="rule" key={i}>
        <select aria-label={`Field ${i + 1}`} value={rule.field} onChange={(e) => setRule(i, newRule(e.target.value))}>
          {FIELDS.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
        </select>
        <select aria-label={`Comparison ${i + 1}`} value={rule.op} onChange={(e) => setRule(i, { op: e.target.value })}>
          {OPERATORS[field.type].map(([op, words]) => <option key={op} value={op}>{words}</option>)}
        </select>
        {field.type !== 'bool' && <input aria-label={`Value ${i + 1}`} value={rule.value} placeholder={VALUE_HINTS[field.type]}
          inputMode={field.type === 'number' || field.type === 'score' ? 'decimal' : 'text'} onChange={(e) => setRule(i, { value: e.target.value })} />}
        <button type="button" aria-label={`Remove rule ${i + 1}`} onClick={() => update({ ...m, rules: m.rules.filter((_, j) => j !== i) })}>✕</button>
      </div>;
    })}
    <button type="button" onClick={() => update({ ...m, rules: [...m.rules, newRule()] })}>Add a rule</button>
    <p className="hint">{toExpression(m) ? <>It writes: <code>{toExpression(m)}</code></> : 'No rule yet: every order passes.'}</p>
    <button type="button" className="link" onClick={() => setByHand(true)}>Write it by hand</button>
  </fieldset>;
}
