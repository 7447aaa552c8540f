// Opening a page in the desktop's browser: the program and arguments, never a shell.
import { expect, it } from 'vitest';
import { browserLaunch } from '../../../electron/core/app/open-in-browser';

it('hands the address to rundll32 on Windows, never to cmd', () => {
  const url = 'https://eu1.make.com/1/scenarios/7?a=1&b=2|calc^x';
  const launch = browserLaunch(url, 'win32');
  expect(launch).toEqual({ command: 'rundll32', args: ['url.dll,FileProtocolHandler', 'https://eu1.make.com/1/scenarios/7?a=1&b=2|calc^x'] });
  expect(launch?.command).not.toMatch(/cmd|powershell/i);
});

it('uses open on macOS and xdg-open elsewhere, with the normalized address as the only argument', () => {
  expect(browserLaunch('https://eu1.make.com/a b"<x>', 'darwin')).toEqual({ command: 'open', args: ['https://eu1.make.com/a%20b%22%3Cx%3E'] });
  expect(browserLaunch('http://127.0.0.1:4000/#k=s', 'linux')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:4000/#k=s'] });
});

it('refuses anything but a well-formed http(s) address', () => {
  for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'calc.exe', '-a https://x', 'ms-settings:', '']) {
    expect(browserLaunch(url, 'win32'), url).toBeNull();
  }
});
