// The app:// handler over a real folder: serves the build's files with the security headers and
// refuses anything outside it.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/security';

let base = '';
let root = '';
let handle: (r: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'make-tray-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>main</title>');
  await writeFile(join(root, 'popover.html'), '<!doctype html><title>popover</title>');
  await writeFile(join(root, 'assets', 'app-1.js'), 'console.log(1)');
  await writeFile(join(root, '.env'), 'SECRET=1');
  await writeFile(join(base, 'secret.txt'), 'outside the build');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt')).catch(() => undefined);
  handle = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the pages and assets with their type and the security headers', async () => {
    const r = await get('app://make-tray/index.html');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('<title>main</title>');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await get('app://make-tray/assets/app-1.js?v=2#x');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await get('app://make-tray/')).status).toBe(200);
    const head = await get('app://make-tray/popover.html', 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it.each([
    'app://make-tray/../secret.txt',
    'app://make-tray/assets/../../secret.txt',
    'app://make-tray/%2e%2e/secret.txt',
    'app://make-tray/%2E%2E%2Fsecret.txt',
    'app://make-tray/assets%2f..%2f..%2fsecret.txt',
    'app://make-tray/..%5csecret.txt',
    'app://make-tray/.env',
    'app://make-tray/assets/link.txt',
    'app://make-tray/index.html%00.js',
    'app://make-tray/missing.html',
    'app://make-tray/assets',
    'app://other-host/index.html',
    'app://make-tray.evil/index.html',
  ])('refuses %s', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('outside the build');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses other methods and schemes', async () => {
    expect((await get('app://make-tray/index.html', 'POST')).status).toBe(405);
    expect((await get('https://make-tray/index.html')).status).toBe(404);
  });
});
