// The server's API, with its errors turned into sentences a marketer can act on.

export class ApiError extends Error {
  constructor(message, status, faults = []) {
    super(message);
    this.status = status;
    this.faults = faults;
  }
}

// `raw` sends a body as it is: an imported file keeps its lines, so the server's faults can name them.
async function call(method, url, body, raw = false) {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (response.ok) return data;
  throw new ApiError(explain(response.status, data), response.status, data?.faults ?? []);
}

function safeJson(text) {
  try { return JSON.parse(text); } catch { return { detail: text }; }
}

function explain(status, data) {
  if (status === 401) return 'You are signed out. Please sign in again.';
  if (status === 409) return 'Someone else saved this flow since you opened it. Reload to see their changes; yours are still on screen.';
  if (status === 422 && data?.faults?.length && !data.faults.some((f) => /^\$\.activities/.test(f.path ?? ''))) {
    return `${data.title ?? 'The flow has problems'}: ${data.faults.map((f) => (f.line ? `line ${f.line}: ${f.message}` : f.message)).join('; ')}`;
  }
  if (status === 422) return 'The flow has problems to fix before it can be published. They are marked on the canvas.';
  if (status === 404) return data?.detail ?? 'That flow does not exist (any more).';
  return data?.detail ?? data?.title ?? `The server answered ${status}.`;
}

export const api = {
  me: () => call('GET', '/designer/api/me'),
  feedback: (days, flowId, sku) => call('GET', `/api/feedback?days=${days}${flowId ? `&flowId=${encodeURIComponent(flowId)}` : ''}${sku ? `&sku=${encodeURIComponent(sku)}` : ''}`),
  customerCare: (id) => call('GET', `/api/customers/${encodeURIComponent(id)}/care`),
  resolveCase: (customerId, caseId, note) => call('POST', `/api/customers/${encodeURIComponent(customerId)}/cases/${caseId}/resolve`, { note }),
  signIn: (username, password) => call('POST', '/designer/api/sign-in', { username, password }),
  signOut: () => call('POST', '/designer/api/sign-out'),
  activityTypes: () => call('GET', '/api/activity-types'),
  templates: () => call('GET', '/api/templates'),
  overview: () => call('GET', '/api/flows/overview'),
  flow: (id) => call('GET', `/api/flows/${encodeURIComponent(id)}`),
  saveDraft: (id, definition, revision) => call('PUT', `/api/flows/${encodeURIComponent(id)}/draft`, { definition, revision }),
  validate: (definition) => call('POST', '/api/flows/validate', definition),
  publish: (id, note, revision) => call('POST', `/api/flows/${encodeURIComponent(id)}/publish`, { note, revision }),
  archive: (id) => call('POST', `/api/flows/${encodeURIComponent(id)}/archive`),
  unarchive: (id) => call('POST', `/api/flows/${encodeURIComponent(id)}/unarchive`),
  flowTemplates: () => call('GET', '/api/flow-templates'),
  disable: (id) => call('POST', `/api/flows/${encodeURIComponent(id)}/disable`),
  enable: (id) => call('POST', `/api/flows/${encodeURIComponent(id)}/enable`),
  versions: (id) => call('GET', `/api/flows/${encodeURIComponent(id)}/versions`),
  exportFlow: (id, draft) => call('GET', `/api/flows/${encodeURIComponent(id)}/export${draft ? '?draft=true' : ''}`),
  importFlow: (text) => call('POST', '/api/flows/import', text, true),
  version: (id, version) => call('GET', `/api/flows/${encodeURIComponent(id)}/versions/${version}`),
  revert: (id, version, revision) => call('POST', `/api/flows/${encodeURIComponent(id)}/revert`, { version, revision }),
  steps: (id, days) => call('GET', `/api/flows/${encodeURIComponent(id)}/steps?days=${days}`),
  simulate: (definition, events, order, customerOrderCount = 1, consent = null) =>
    call('POST', '/api/simulate', { definition, events, order, customerOrderCount, consent }),
  consentDefaults: () => call('GET', '/api/simulate/consent-defaults'),
  frequencyCap: () => call('GET', '/api/settings/frequency-cap'),
  saveFrequencyCap: (cap) => call('PUT', '/api/settings/frequency-cap', cap),
  sampleOrder: () => call('GET', '/api/simulate/sample-order'),
  preview: (template, locale, flowId) => call('POST', `/api/templates/${encodeURIComponent(template)}/preview`, { locale, flowId }),
  testSend: (flowId, activityId, to) => call('POST', `/api/flows/${encodeURIComponent(flowId)}/test-send`, { activityId, to }),
};
