// The condition builder's model: rules a marketer picks from lists, joined by "all" or "any", and the Scriban
// expression they write. What this writes is checked on the server by BuilderExpressionTests; what it reads back is
// only its own writing (a hand-written expression stays hand-written).

export const FIELDS = [
  { key: 'order.total', label: 'Order total', type: 'number' },
  { key: 'order.item_count', label: 'Number of items', type: 'number' },
  { key: 'order.shipping_country', label: 'Shipping country', type: 'country' },
  { key: 'order.skus', label: 'SKU bought', type: 'sku' },
  { key: 'customer.is_first_order', label: 'First order', type: 'bool' },
  { key: 'customer.order_count', label: 'Number of orders', type: 'number' },
  { key: 'customer.locale', label: 'Locale', type: 'locale' },
  { key: 'feedback.score', label: 'Feedback score (1–5)', type: 'score' },
];

export const OPERATORS = {
  number: [['>=', 'at least'], ['<=', 'at most'], ['>', 'more than'], ['<', 'less than'], ['==', 'exactly'], ['!=', 'not']],
  score: [['>=', 'at least'], ['<=', 'at most'], ['==', 'exactly']],
  bool: [['is', 'yes'], ['not', 'no']],
  country: [['in', 'is one of'], ['not in', 'is none of']],
  sku: [['has', 'includes'], ['has not', 'does not include']],
  locale: [['starts', 'is (language)'], ['==', 'is exactly']],
};

/** The names an expert can use by hand, in words: the hint beside the hand-written field. */
export const AVAILABLE_NAMES = [
  ...FIELDS.map((f) => f.key), 'order.currency', 'order.line_count', 'order.delivered', 'order.discount_codes', 'customer.time_zone',
  'feedback.answered', 'feedback.comment', 'data.discount.value',
];

export const fieldOf = (key) => FIELDS.find((f) => f.key === key);

export function newRule(key = 'order.total') {
  const field = fieldOf(key);
  return { field: key, op: OPERATORS[field.type][0][0], value: field.type === 'bool' ? '' : '' };
}

const quote = (text) => `'${String(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const list = (value) => String(value).split(/[\s,;]+/).map((v) => v.trim()).filter(Boolean);

/** One rule as an expression, or null while it is incomplete (a number not typed yet). */
export function ruleExpression(rule) {
  const field = fieldOf(rule.field);
  if (!field) return null;
  const k = field.key;
  switch (field.type) {
    case 'bool': return rule.op === 'not' ? `!${k}` : k;
    case 'number': case 'score': {
      const n = Number(String(rule.value).replace(',', '.'));
      if (String(rule.value).trim() === '' || !Number.isFinite(n)) return null;
      // No rating yet reads as score 0: "at most 2" must not catch the customers who never answered.
      return field.type === 'score' ? `(feedback.answered && ${k} ${rule.op} ${n})` : `${k} ${rule.op} ${n}`;
    }
    case 'country': {
      const codes = list(rule.value).map((c) => c.toUpperCase());
      if (!codes.length) return null;
      const any = codes.map((c) => `${k} == ${quote(c)}`).join(' || ');
      return rule.op === 'not in' ? `!(${any})` : `(${any})`;
    }
    case 'sku': {
      if (!String(rule.value).trim()) return null;
      const has = `array.contains ${k} ${quote(String(rule.value).trim())}`;
      return rule.op === 'has not' ? `!(${has})` : `(${has})`;
    }
    case 'locale': {
      if (!String(rule.value).trim()) return null;
      return rule.op === 'starts' ? `string.starts_with ${k} ${quote(String(rule.value).trim())}` : `${k} == ${quote(String(rule.value).trim())}`;
    }
    default: return null;
  }
}

/** The whole condition, or '' while no rule is complete. */
export function toExpression({ join, rules }) {
  const parts = rules.map(ruleExpression).filter(Boolean);
  return parts.join(join === 'any' ? ' || ' : ' && ');
}

/** Reads back what toExpression wrote; null for anything else (a hand-written expression). */
export function fromExpression(expression) {
  const text = (expression ?? '').trim();
  if (!text) return { join: 'all', rules: [] };
  for (const join of ['all', 'any']) {
    const parts = splitTop(text, join === 'all' ? '&&' : '||');
    if (!parts) continue;
    const rules = parts.map(parseRule);
    if (rules.every(Boolean)) {
      const built = { join, rules };
      if (toExpression(built) === text) return built;
    }
  }
  return null;
}

// Splits on a top-level operator (outside parentheses and quotes).
function splitTop(text, op) {
  const parts = [];
  let depth = 0, quoted = false, start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" && text[i - 1] !== '\\') quoted = !quoted;
    if (quoted) continue;
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth === 0 && text.startsWith(` ${op} `, i)) { parts.push(text.slice(start, i)); start = i + op.length + 2; i += op.length + 1; }
  }
  parts.push(text.slice(start));
  return parts;
}

function parseRule(part) {
  for (const field of FIELDS) {
    for (const [op] of OPERATORS[field.type]) {
      for (const value of candidates(part, field, op)) {
        const rule = { field: field.key, op, value };
        if (ruleExpression(rule) === part) return rule;
      }
    }
  }
  return null;
}

// The values a rule could have had, read from its text.
function candidates(part, field, op) {
  if (field.type === 'bool') return [''];
  if (field.type === 'number' || field.type === 'score') return [...part.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => m[0]).slice(-1);
  const quoted = [...part.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\'));
  if (field.type === 'country') return [quoted.join(', ')];
  return quoted.slice(0, 1);
}
