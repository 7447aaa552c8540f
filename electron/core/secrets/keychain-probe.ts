// Finds out, quickly and without ever hanging, whether the OS keychain works. The probe writes, reads
// back and deletes a throwaway entry in a child process that is killed at the deadline: a locked
// keyring can block inside the native call on an unlock prompt, which no in-process timeout can
// interrupt.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { KeychainUnavailableError, SECRET_SERVICE_NAME, classifyKeychainError, type KeychainProblem } from './secret-store';

export type KeychainStatus = { available: true } | { available: false; problem: KeychainProblem; message: string; detail: string | null };

export interface KeychainProbeOptions {
  /** Deadline for the whole probe (default 5 s). */
  timeoutMs?: number;
  /** Environment of the probe process (default: this process's), e.g. to point D-Bus elsewhere. */
  env?: NodeJS.ProcessEnv;
  service?: string;
  /** Runtime to start the probe with (default process.execPath; Electron runs it as plain Node). */
  execPath?: string;
}

// CommonJS, run with `-e`; prints one JSON line.
const PROBE_SOURCE = `
const out = (r) => process.stdout.write(JSON.stringify(r) + '\\n');
try {
  const { Entry } = require(process.env.MAKE_TRAY_KEYRING_MODULE);
  const entry = new Entry(process.env.MAKE_TRAY_PROBE_SERVICE, process.env.MAKE_TRAY_PROBE_ACCOUNT, { linux: { store: 'secret-service' } });
  const value = process.env.MAKE_TRAY_PROBE_VALUE;
  entry.setPassword(value);
  const back = entry.getPassword();
  entry.deleteCredential();
  out(back === value ? { ok: true } : { ok: false, detail: 'the keychain returned a different value than was written' });
} catch (err) {
  out({ ok: false, detail: String((err && err.message) || err) });
}
`;

export function probeKeychain(options: KeychainProbeOptions = {}): Promise<KeychainStatus> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const unavailable = (problem: KeychainProblem, detail: string | null): KeychainStatus => {
    const err = new KeychainUnavailableError(problem, detail);
    return { available: false, problem, message: err.message, detail };
  };

  let keyringModule: string;
  try {
    keyringModule = createRequire(import.meta.url).resolve('@napi-rs/keyring');
  } catch (err) {
    return Promise.resolve(unavailable('no-keychain', `keyring module not found: ${String(err)}`));
  }

  return new Promise((resolve) => {
    const child = spawn(options.execPath ?? process.execPath, ['-e', PROBE_SOURCE], {
      env: {
        ...(options.env ?? process.env),
        ELECTRON_RUN_AS_NODE: '1',
        MAKE_TRAY_KEYRING_MODULE: keyringModule,
        MAKE_TRAY_PROBE_SERVICE: options.service ?? SECRET_SERVICE_NAME,
        MAKE_TRAY_PROBE_ACCOUNT: `__probe__${randomUUID()}`,
        MAKE_TRAY_PROBE_VALUE: randomUUID(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (status: KeychainStatus) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(status);
    };
    const timer = setTimeout(() => finish(unavailable('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (err) => finish(unavailable('failed', `probe could not start: ${err.message}`)));
    child.on('close', (code, signal) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        const result = JSON.parse(line) as { ok: boolean; detail?: string };
        if (result.ok) return finish({ available: true });
        const detail = result.detail ?? 'unknown failure';
        return finish(unavailable(classifyKeychainError(detail), detail));
      } catch {
        const detail = `probe ended (${signal ?? `exit ${code}`}) without an answer${stderr ? `: ${stderr.trim().slice(0, 300)}` : ''}`;
        return finish(unavailable('failed', detail));
      }
    });
  });
}
