import { useEffect, useState } from 'react';
import { api } from './api.js';
import { compareRuns, dayToDuration, withProfile } from './simulation.js';

const EVENTS = ['OrderShipped', 'OrderDelivered', 'OrderCancelled', 'OrderRefunded', 'FeedbackGiven', 'CustomerReplied', 'CaseResolved', 'NextOrderPlaced'];
const EVENT_NAMES = {
  OrderShipped: 'Order shipped', OrderDelivered: 'Order delivered', OrderCancelled: 'Order cancelled', OrderRefunded: 'Order refunded',
  FeedbackGiven: 'Customer rates', CustomerReplied: 'Customer replies', CaseResolved: 'Case resolved', NextOrderPlaced: 'Customer orders again',
};
const ENDINGS = ['OrderCancelled', 'OrderRefunded'];
const LOCALES = ['en', 'en-GB', 'en-US', 'de', 'de-AT', 'de-CH', 'fr', 'fr-BE', 'fr-CH'];
const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * Runs the flow on a virtual clock for a sample (or edited) order and shows what would happen, and when: each
 * message with its preview, each branch and why. With a cancellation or refund in the script it also says which
 * messages that stops, by running once more without it.
 */
export function SimulationPanel({ onSimulate, names = {}, onPath = () => {} }) {
  const [order, setOrder] = useState('');
  const [orders, setOrders] = useState('1');
  const [defaults, setDefaults] = useState({ service: true, marketing: false });
  const [consent, setConsent] = useState({ service: 'default', marketing: 'default' });
  const [place, setPlace] = useState({ locale: '', timeZone: '' });
  useEffect(() => { api.consentDefaults().then(setDefaults).catch(() => {}); }, []);
  const chosen = (c) => (consent[c] === 'default' ? null : consent[c] === 'yes');
  const [events, setEvents] = useState([{ event: 'OrderDelivered', day: '2' }]);
  const [result, setResult] = useState(null);
  const [effect, setEffect] = useState(null);
  const [error, setError] = useState(null);
  const [open, setOpen] = useState(null);
  useEffect(() => { api.sampleOrder().then((o) => setOrder(JSON.stringify(o, null, 2))).catch((e) => setError(e.message)); }, []);

  const update = (i, patch) => setEvents(events.map((e, j) => (i === j ? { ...e, ...patch } : e)));
  // A rating travels as "score:comment", a reply as its text: the simulator's own shorthand (see ScriptedAnswers).
  const reasonOf = (e) => (e.event === 'FeedbackGiven' ? `${e.score ?? 5}${e.text ? `:${e.text}` : ''}` : e.event === 'CustomerReplied' ? (e.text ?? '') : undefined);
  const script = (list) => list.map((e) => ({ event: e.event, after: dayToDuration(e.day), reason: reasonOf(e) }));
  const count = Math.max(1, Number.parseInt(orders, 10) || 1);
  // What the order JSON says now, for the hints: the profile's fields override it only when filled in.
  const written = (() => { try { return JSON.parse(order).customer ?? {}; } catch { return {}; } })();

  const run = async (e) => {
    e.preventDefault();
    setError(null);
    setEffect(null);
    let parsed;
    try { parsed = JSON.parse(order); } catch { setError('The order is not valid JSON: check the commas and quotes.'); return; }
    const bad = events.find((x) => dayToDuration(x.day) === null);
    if (bad) { setError(`"${bad.day}" is not a day number (e.g. 2, or 1.5 for a day and a half).`); return; }
    const placed = withProfile(parsed, place);
    if (placed.error) { setError(placed.error); return; }
    parsed = placed.order;
    try {
      const profile = { service: chosen('service'), marketing: chosen('marketing') };
      const withEvents = await onSimulate(parsed, script(events), count, profile);
      setResult(withEvents);
      onPath(withEvents.path ?? []);
      const kept = events.filter((x) => !ENDINGS.includes(x.event));
      if (kept.length < events.length) setEffect(compareRuns(await onSimulate(parsed, script(kept), count, profile), withEvents));
    } catch (err) { setResult(null); onPath([]); setError(err.message); }
  };

  return (
    <section className="simulation" aria-label="Simulation">
      <form onSubmit={run}>
        <details>
          <summary>Order (a sample; edit it to try another customer, locale or total)</summary>
          <textarea aria-label="Order as JSON" rows={12} value={order} onChange={(e) => setOrder(e.target.value)} spellCheck={false} />
        </details>
        <div className="field">
          <label htmlFor="sim-orders">Orders this customer has placed, this one included</label>
          <input id="sim-orders" inputMode="numeric" size={4} value={orders} onChange={(e) => setOrders(e.target.value)} />
          <p className="hint">{count === 1 ? 'A first order (customer.is_first_order is true).' : `A returning customer with ${count} orders.`}</p>
        </div>
        <div className="field">
          <label htmlFor="sim-locale">Customer's language</label>
          <input id="sim-locale" list="sim-locales" size={8} value={place.locale} placeholder={written.locale ?? ''}
            onChange={(e) => setPlace({ ...place, locale: e.target.value })} />
          <datalist id="sim-locales">{LOCALES.map((l) => <option key={l} value={l} />)}</datalist>
          <p className="hint">{place.locale.trim() ? `Messages in ${place.locale.trim()}, or the nearest language the templates have.` : `Blank: the order's (${written.locale ?? 'the shop default'}).`}</p>
        </div>
        <div className="field">
          <label htmlFor="sim-zone">Customer's time zone</label>
          <input id="sim-zone" list="sim-zones" size={18} value={place.timeZone} placeholder={written.timeZone ?? ''}
            onChange={(e) => setPlace({ ...place, timeZone: e.target.value })} />
          <datalist id="sim-zones">{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
          <p className="hint">Send windows open in this zone. {place.timeZone.trim() ? '' : `Blank: the order's (${written.timeZone ?? "the shop's"}).`}</p>
        </div>
        {['service', 'marketing'].map((c) => (
          <div className="field" key={c}>
            <label htmlFor={`sim-consent-${c}`}>{c === 'service' ? 'Service mail' : 'Marketing mail'}</label>
            <select id={`sim-consent-${c}`} value={consent[c]} onChange={(e) => setConsent({ ...consent, [c]: e.target.value })}>
              <option value="default">Never chose: the shop's default ({defaults[c] ? 'yes' : 'no'})</option>
              <option value="yes">Agreed</option>
              <option value="no">Said no</option>
            </select>
          </div>
        ))}
        <fieldset>
          <legend>What happens after the order</legend>
          {events.map((x, i) => (
            <div key={i} className="event-row">
              <select aria-label={`Event ${i + 1}`} value={x.event} onChange={(e) => update(i, { event: e.target.value })}>
                {EVENTS.map((name) => <option key={name} value={name}>{EVENT_NAMES[name]}</option>)}
              </select>
              {x.event === 'FeedbackGiven' && <select aria-label={`Score of event ${i + 1}`} value={x.score ?? 5} onChange={(e) => update(i, { score: Number(e.target.value) })}>
                {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n} of 5</option>)}
              </select>}
              {(x.event === 'FeedbackGiven' || x.event === 'CustomerReplied') &&
                <input aria-label={x.event === 'FeedbackGiven' ? `Comment of event ${i + 1}` : `Reply of event ${i + 1}`} size={14} value={x.text ?? ''}
                  placeholder={x.event === 'FeedbackGiven' ? 'comment' : 'reply'} onChange={(e) => update(i, { text: e.target.value })} />}
              <label>on day <input aria-label={`Day of event ${i + 1}`} inputMode="decimal" size={4} value={x.day} onChange={(e) => update(i, { day: e.target.value })} /></label>
              <button type="button" aria-label={`Remove event ${i + 1}`} onClick={() => setEvents(events.filter((_, j) => j !== i))}>✕</button>
            </div>
          ))}
          <button type="button" onClick={() => setEvents([...events, { event: 'OrderCancelled', day: '3' }])}>Add an event</button>
        </fieldset>
        <button type="submit" className="primary">Simulate</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      {result && <>
        <p className="outcome">Outcome: {result.outcome}</p>
        {effect && <p className="notice">{effect.notSent.length
          ? `Because of the cancellation or refund, ${effect.notSent.length} message(s) are not sent: ${effect.notSent.map((m) => m.template).join(', ')}.`
          : 'The cancellation or refund stops no message.'}</p>}
        <ol className="timeline" aria-label="Timeline">
          {result.timeline.map((t, i) => (
            <li key={i} className={t.email ? 'email' : t.kind === 'skipped' ? 'skipped' : ''}>
              <time dateTime={t.at}>{new Date(t.at).toLocaleString()}</time> {t.activityId && names[t.activityId] && <strong>{names[t.activityId]}: </strong>}<span>{t.text}</span>{t.why && <span className="why"> — {t.why}</span>}
              {t.email && <>
                {' '}<button type="button" className="link" onClick={() => setOpen(open === i ? null : i)} aria-expanded={open === i}>✉ {t.email.subject ?? t.email.template}</button>
                {open === i && <iframe title={`Email ${t.email.template}`} sandbox="" srcDoc={t.email.html ?? t.email.renderError} />}
              </>}
            </li>
          ))}
        </ol>
      </>}
    </section>
  );
}
