// Hands a web address to the desktop's default browser, without a shell: on Windows `cmd /c start`
// would read `&`, `|` and `^` in the address as command separators, so the address goes to
// rundll32's URL handler as a plain argument instead.
import { spawn } from 'node:child_process';

export interface BrowserLaunch {
  command: string;
  args: string[];
}

/**
 * The program and arguments that open `url` on `platform`, or null for anything but a well-formed
 * http(s) address. The address is normalized (`new URL().href` percent-encodes spaces, quotes and
 * angle brackets); one that still holds a quote, whitespace or a control character is refused.
 */
export function browserLaunch(url: string, platform: NodeJS.Platform): BrowserLaunch | null {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    href = parsed.href;
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/["\s\u0000-\u001f\u007f]/.test(href)) return null;
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', href] };
  if (platform === 'darwin') return { command: 'open', args: [href] };
  return { command: 'xdg-open', args: [href] };
}

/** Opens a URL in the desktop's default browser (never through a shell). */
export async function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const launch = browserLaunch(url, platform);
  if (!launch) throw new Error('Only web addresses (http or https) can be opened in a browser.');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(launch.command, launch.args, { stdio: 'ignore', detached: true, shell: false, windowsHide: true });
    child.once('error', () => reject(new Error('No web browser could be opened on this machine.')));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
