// The "system browser" of the OAuth tests: an HTTP client that opens the authorize URL, reads the
// consent form, presses a button, and follows the redirect to the app's loopback listener.
import { request } from 'undici';

export interface BrowserVisit {
  /** Status and HTML of the last page (the app's callback page when the flow got that far). */
  status: number;
  html: string;
  /** The redirect target the authorization server sent, before the browser followed it. */
  redirectedTo: string | null;
}

async function get(url: string): Promise<{ status: number; location: string | null; html: string }> {
  const res = await request(url, { method: 'GET' });
  const html = await res.body.text();
  const location = res.headers.location;
  return { status: res.statusCode, location: typeof location === 'string' ? new URL(location, url).toString() : null, html };
}

function readForm(html: string, pageUrl: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the consent page: ${html.slice(0, 200)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  return { action: new URL(action.replace(/&amp;/g, '&'), pageUrl).toString(), fields };
}

/**
 * Opens `authorizeUrl`, answers the consent form with the button whose value is `decision`, and
 * follows the redirect. `tamper` may rewrite the redirect URL before it is followed (a forged answer).
 */
export async function answerConsent(
  authorizeUrl: string,
  decision: 'approve' | 'deny',
  tamper: (redirect: URL) => URL = (u) => u,
): Promise<BrowserVisit> {
  const consent = await get(authorizeUrl);
  if (consent.status !== 200) throw new Error(`authorize answered ${consent.status}`);
  const form = readForm(consent.html, authorizeUrl);
  const buttonName = /<button[^>]*name="([^"]+)"[^>]*value="approve"/.exec(consent.html)?.[1] ?? 'decision';
  const body = new URLSearchParams({ ...form.fields, [buttonName]: decision }).toString();
  const posted = await request(form.action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  await posted.body.dump();
  const location = posted.headers.location;
  if (posted.statusCode !== 302 || typeof location !== 'string') throw new Error(`consent answered ${posted.statusCode} without a redirect`);
  const target = tamper(new URL(location, form.action));
  const callback = await get(target.toString());
  return { status: callback.status, html: callback.html, redirectedTo: location };
}

/** True when nothing listens on 127.0.0.1:port any more. */
export async function portIsClosed(port: number): Promise<boolean> {
  try {
    const res = await request(`http://127.0.0.1:${port}/`, { method: 'GET', headersTimeout: 5_000 });
    await res.body.dump();
    return false;
  } catch (err) {
    return /ECONNREFUSED/.test(String((err as { code?: unknown }).code ?? err));
  }
}
