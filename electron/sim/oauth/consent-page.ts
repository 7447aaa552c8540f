// The HTML the user sees at /oauth/v2/authorize: who asks, for what, Approve / Deny.

export const CONSENT_REQUEST_FIELD = 'request_id';
export const CONSENT_DECISION_FIELD = 'decision';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem}ul{padding-left:1.2rem}button{font:inherit;padding:.5rem 1.2rem;margin-right:.6rem}</style>
</head><body>${body}</body></html>`;

export function consentPage(opts: {
  action: string;
  requestId: string;
  clientId: string;
  userName: string;
  userEmail: string;
  scopes: string[];
}): string {
  const scopes = opts.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return page(
    'Authorize access — Make (simulator)',
    `<h1>Allow <strong>${escapeHtml(opts.clientId)}</strong> to access your Make account?</h1>
<p>Signed in as ${escapeHtml(opts.userName)} (${escapeHtml(opts.userEmail)}).</p>
<p>The application asks for:</p><ul id="scopes">${scopes}</ul>
<form method="post" action="${escapeHtml(opts.action)}">
<input type="hidden" name="${CONSENT_REQUEST_FIELD}" value="${escapeHtml(opts.requestId)}">
<button type="submit" id="approve" name="${CONSENT_DECISION_FIELD}" value="approve">Approve</button>
<button type="submit" id="deny" name="${CONSENT_DECISION_FIELD}" value="deny">Deny</button>
</form>`,
  );
}

export function errorPage(title: string, detail: string): string {
  return page(title, `<h1 id="error">${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p>`);
}
