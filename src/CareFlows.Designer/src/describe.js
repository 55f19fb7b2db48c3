import { describeDuration } from './graph.js';

// How a marketer reads an activity and its outcomes: its key settings in words on the box, and ports named by what
// happened ("Delivered", "Not delivered in 21 days") instead of the engine's port names.

const EVENT_WORDS = { OrderShipped: 'shipping', OrderDelivered: 'delivery', CaseResolved: 'the case to be resolved', NextOrderPlaced: "the customer's next order" };
const EVENT_DONE = { OrderShipped: 'Shipped', OrderDelivered: 'Delivered', CaseResolved: 'Resolved', NextOrderPlaced: 'Ordered again' };
const EVENT_NOT = { OrderShipped: 'Not shipped', OrderDelivered: 'Not delivered', CaseResolved: 'Not resolved', NextOrderPlaced: 'No new order' };
const EVENT_NAMES = { OrderShipped: 'Order shipped', OrderDelivered: 'Order delivered', CaseResolved: 'Case resolved', NextOrderPlaced: 'The customer orders again' };

/** An event a wait can wait for, as the marketer reads it in the event list. */
export function eventName(event) {
  return EVENT_NAMES[event] ?? event;
}

const FEEDBACK_PORTS = { Unhappy: 'Unhappy', Neutral: 'Neutral', Happy: 'Happy', Replied: 'Replied by email' };

/** The activity's key settings as a sentence fragment, or '' when it has none worth showing. */
export function summaryOf(type, p = {}) {
  const within = (d) => (describeDuration(d) ? `, gives up after ${describeDuration(d)}` : '');
  switch (type) {
    case 'OrderPlaced': case 'OrderShipped': case 'OrderDelivered':
      return p.filter ? `Only when ${p.filter}` : 'Every order';
    case 'SendEmail':
      return [p.template, p.category && `${p.category} mail`, p.sender === 'owner' && "from the customer's owner"].filter(Boolean).join(' · ');
    case 'Delay':
      return describeDuration(p.duration) ? `Waits ${describeDuration(p.duration)}` : '';
    case 'WaitForEvent':
      return p.event ? `Waits for ${EVENT_WORDS[p.event] ?? p.event}${within(p.timeout)}` : '';
    case 'WaitForFeedback':
      return p.message ? `Waits for an answer to ${p.message}${within(p.timeout)}` : '';
    case 'SendWindow':
      return p.start ? `Sends between ${p.start} and ${p.end ?? '?'}${p.timeZone ? ` (${p.timeZone})` : " (customer's time)"}` : '';
    case 'Condition':
      return p.expression ? `If ${p.expression}` : '';
    case 'IssueDiscount': {
      const value = p.kind === 'amount' ? `${p.value} off` : `${p.value}% off`;
      return p.value ? `${value}${describeDuration(p.validFor) ? `, valid ${describeDuration(p.validFor)}` : ''}` : '';
    }
    case 'NotifyTeam':
      return `Alerts ${p.to === 'team' ? 'the team' : "the customer's owner"}${p.note ? `: ${p.note}` : ''}`;
    case 'Exit':
      return p.reason ? `Ends: ${p.reason}` : 'Ends the flow';
    default:
      return '';
  }
}

/** A port in words, for the canvas and the "Then go to" fields. */
export function portLabel(type, p = {}, port) {
  if (type === 'WaitForEvent') {
    if (port === 'Received') return EVENT_DONE[p.event] ?? 'Received';
    if (port === 'TimedOut') return `${EVENT_NOT[p.event] ?? 'Nothing'}${describeDuration(p.timeout) ? ` in ${describeDuration(p.timeout)}` : ''}`;
  }
  if (type === 'WaitForFeedback') {
    if (port === 'NoAnswer') return `No answer${describeDuration(p.timeout) ? ` in ${describeDuration(p.timeout)}` : ''}`;
    return FEEDBACK_PORTS[port] ?? port;
  }
  if (type === 'Condition') return port === 'True' ? 'Yes' : port === 'False' ? 'No' : port;
  return port;
}
