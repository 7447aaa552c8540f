// The small page the browser shows after the OAuth redirect reaches the app.

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function callbackPage(outcome: { ok: boolean; message: string }): string {
  const title = outcome.ok ? 'Signed in to Make Tray' : 'Sign-in did not complete';
  const next = outcome.ok ? 'You can close this tab and go back to Make Tray.' : 'You can close this tab, go back to Make Tray and try again.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem}</style>
</head><body><h1 id="${outcome.ok ? 'signed-in' : 'sign-in-failed'}">${escapeHtml(title)}</h1>
<p>${escapeHtml(outcome.message)}</p><p>${escapeHtml(next)}</p></body></html>`;
}
