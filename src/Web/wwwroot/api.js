// The prover's JSON API: the TheoremProver rpcs through gRPC JSON transcoding (the proto's google.api.http rules),
// and WatchTheorem as server-sent events.

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported below */ }
  if (!response.ok) {
    throw new ApiError(response.status, json?.message || text || `${response.status} ${response.statusText}`);
  }
  return json;
}

const theoremPath = id => `/v1/theorems/${encodeURIComponent(id)}`;

export const submitTheorem = theorem => call('POST', '/v1/theorems', { theorem });
export const getTheorem = id => call('GET', theoremPath(id));
export const listTheorems = pageSize => call('GET', `/v1/theorems?pageSize=${pageSize}`);
export const examples = () => call('GET', '/web/examples');

/**
 * Follows the theorem's progress: onEvent gets each ProveTheoremProgress (JSON), in order; the source closes
 * after the completion event. A dropped connection is resumed by the browser after the last event it got.
 */
export function watchTheorem(id, onEvent, onFailure) {
  const source = new EventSource(`${theoremPath(id)}/events`);
  source.addEventListener('progress', message => {
    const event = JSON.parse(message.data);
    if (event.kind === 'PROGRESS_KIND_COMPLETED') source.close();
    onEvent(event);
  });
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) onFailure('the progress stream was closed by the server');
  };
  return source;
}
