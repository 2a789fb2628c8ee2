// The claims-agent API as the adjusters' pages use it; every path lives here.
import { api, apiKey, listOf } from '/ui/common/suite.js';

const enc = encodeURIComponent;

export const claimsApi = {
  queue: (query) => api('/v1/claims', { query }).then((d) => listOf(d, 'claims')),
  claim: (id) => api(`/v1/claims/${enc(id)}`),
  estimate: (id) => api(`/v1/claims/${enc(id)}/estimate`),
  versions: (id) => api(`/v1/claims/${enc(id)}/estimate/versions`).then((d) => listOf(d, 'versions')),
  patchLine: (id, lineId, change, version) =>
    api(`/v1/claims/${enc(id)}/estimate/lines/${enc(lineId)}`, { method: 'PATCH', body: change, headers: ifMatch(version) }),
  addLine: (id, line, version) =>
    api(`/v1/claims/${enc(id)}/estimate/lines`, { method: 'POST', body: line, headers: ifMatch(version) }),
  deleteLine: (id, lineId, version) =>
    api(`/v1/claims/${enc(id)}/estimate/lines/${enc(lineId)}`, { method: 'DELETE', headers: ifMatch(version) }),
  approve: (id, version, comment) =>
    api(`/v1/claims/${enc(id)}/estimate/approve`, { method: 'POST', body: { comment: comment || null }, headers: ifMatch(version) }),
  /** The service's printable HTML of the approved estimate (a problem when not approved). */
  printable: (id) => api(`/v1/claims/${enc(id)}/estimate/export`, { query: { format: 'html' }, headers: { Accept: 'text/html, */*' } }),
  /** Photo bytes need the API key, so they are fetched and shown through object URLs. */
  photoUrl: (id, index) => blobUrl(`/v1/claims/${enc(id)}/photos/${index}`, index),
  /** The small JPEG the page shows in the photo strip (made once at intake). */
  thumbnailUrl: (id, index) => blobUrl(`/v1/claims/${enc(id)}/photos/${index}/thumbnail`, index),
};

async function blobUrl(path, index) {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${apiKey()}` } });
  if (!res.ok) throw new Error(`photo ${index}: HTTP ${res.status}`);
  return URL.createObjectURL(await res.blob());
}

function ifMatch(version) { return version == null ? {} : { 'If-Match': String(version) }; }

/** A line's id: the API's own, else its position. */
export function lineId(line, index) { return line.lineId ?? line.id ?? String(index); }

/** Flag codes of a claim, whatever shape the flags come in. */
export function flagCodes(c) {
  return [...new Set(c.flagCodes || (c.flags || []).map(flagCode))];
}

export function flagCode(f) { return typeof f === 'string' ? f : f.code || f.type || f.kind; }
