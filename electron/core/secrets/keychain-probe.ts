// Finds out, quickly and without ever hanging, whether the OS keychain works. The probe writes, reads
// back and deletes a throwaway entry in a separate process that is killed at the deadline: a locked
// keyring can block inside the native call on an unlock prompt, and nothing in-process can interrupt
// that. Not even a worker thread: `worker.terminate()` cannot stop a thread blocked in native code, and
// Node joins worker threads on exit, so a stuck probe thread would hang the app's quit (measured on a
// D-Bus socket that never answers: still blocked after 60 s).
//
// Where the probe process comes from is a `KeychainProbeRunner`:
// - `nodeProbeRunner` (default): `process.execPath -e` with ELECTRON_RUN_AS_NODE=1. Right for Node (the
//   dashboard, tests); in a packaged Electron app whose RunAsNode fuse is off it cannot start.
// - `forkProbeRunner({ fork })`: forks a script file. The Electron shell passes Electron's
//   `utilityProcess.fork`, which the fuse does not affect (Node's `child_process.fork` fits too).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeychainUnavailableError, SECRET_SERVICE_NAME, classifyKeychainError, type KeychainProblem } from './secret-store';

export type KeychainStatus = { available: true } | { available: false; problem: KeychainProblem; message: string; detail: string | null };

/** One probe program to run: CommonJS source that reads its input from env and prints one JSON line. */
export interface KeychainProbeJob {
  source: string;
  /** Variables the program needs, on top of the runner's environment. */
  env: Record<string, string>;
}

/** How the program ended: what it printed, and how it exited. */
export interface KeychainProbeExit {
  stdout: string;
  stderr: string;
  /** e.g. `exit 0`, `SIGKILL`. */
  how: string;
}

/**
 * Runs a probe job in a process of its own. It must kill that process when `signal` aborts (the
 * deadline); the probe answers at the deadline either way.
 */
export type KeychainProbeRunner = (job: KeychainProbeJob, signal: AbortSignal) => Promise<KeychainProbeExit>;

export interface KeychainProbeOptions {
  /** Deadline for the whole probe (default 5 s). */
  timeoutMs?: number;
  /** Environment of the probe process (default: this process's), e.g. to point D-Bus elsewhere. */
  env?: NodeJS.ProcessEnv;
  service?: string;
  /** Runtime for the default runner (default process.execPath). */
  execPath?: string;
  /** Where the probe runs (default: `nodeProbeRunner`). */
  runner?: KeychainProbeRunner;
}

const INPUT_VAR = 'MAKE_TRAY_PROBE_INPUT';

/** The probe program (CommonJS). Prints one JSON line: {ok:true} or {ok:false, detail}. */
export const KEYCHAIN_PROBE_SOURCE = `
const out = (r) => process.stdout.write(JSON.stringify(r) + '\\n');
try {
  const input = JSON.parse(process.env.${INPUT_VAR});
  const { Entry } = require(input.module);
  const entry = new Entry(input.service, input.account, { linux: { store: 'secret-service' } });
  entry.setPassword(input.value);
  const back = entry.getPassword();
  entry.deleteCredential();
  out(back === input.value ? { ok: true } : { ok: false, detail: 'the keychain returned a different value than was written' });
} catch (err) {
  out({ ok: false, detail: String((err && err.message) || err) });
}
`;

type ProbeProcess = {
  stdout: NodeJS.ReadableStream | null;
  stderr?: NodeJS.ReadableStream | null;
  once(event: 'exit', listener: (code: number | null, signal?: string | null) => void): unknown;
};

const ended = (stream: NodeJS.ReadableStream | null | undefined): Promise<void> =>
  stream ? new Promise((resolve) => stream.once('end', resolve).once('close', resolve).once('error', () => resolve())) : Promise.resolve();

/** Collects a process's output until it has exited and its output ended; `kill` runs when `signal` aborts. */
function watchProcess(proc: ProbeProcess, kill: () => void, signal: AbortSignal): Promise<KeychainProbeExit> {
  let stdout = '';
  let stderr = '';
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const output = Promise.all([ended(proc.stdout), ended(proc.stderr)]);
  const exited = new Promise<string>((resolve) => proc.once('exit', (code, sig) => resolve(sig ? String(sig) : `exit ${code}`)));
  if (signal.aborted) kill();
  else signal.addEventListener('abort', kill, { once: true });
  return Promise.all([exited, output]).then(([how]) => {
    signal.removeEventListener('abort', kill);
    return { stdout, stderr, how };
  });
}

/** `process.execPath -e SOURCE` as plain Node (the default; not for a packaged Electron app). */
export function nodeProbeRunner(options: { execPath?: string; env?: NodeJS.ProcessEnv } = {}): KeychainProbeRunner {
  return (job, signal) => {
    const child = spawn(options.execPath ?? process.execPath, ['-e', job.source], {
      env: { ...(options.env ?? process.env), ...job.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const failedToStart = new Promise<never>((_, reject) => child.once('error', reject));
    return Promise.race([watchProcess(child, () => child.kill('SIGKILL'), signal), failedToStart]);
  };
}

/** What `forkProbeRunner` needs: Electron's `utilityProcess.fork` or Node's `child_process.fork`. */
export type ForkLike = (
  modulePath: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdio: 'pipe'; serviceName?: string },
) => { stdout: NodeJS.ReadableStream | null; stderr: NodeJS.ReadableStream | null; kill(): boolean; once(event: 'exit', listener: (code: number) => void): unknown };

/**
 * Forks the probe from a script file written to `scriptDir` (default: a temp folder, removed after).
 * This is the runner for the packaged Electron app: `forkProbeRunner({ fork: utilityProcess.fork })`.
 */
export function forkProbeRunner(options: { fork: ForkLike; scriptDir?: string; env?: NodeJS.ProcessEnv }): KeychainProbeRunner {
  return async (job, signal) => {
    const ownDir = options.scriptDir === undefined ? await mkdtemp(join(tmpdir(), 'make-tray-probe-')) : null;
    const script = join(ownDir ?? options.scriptDir!, 'make-tray-keychain-probe.cjs');
    try {
      await writeFile(script, job.source, { mode: 0o600 });
      const proc = options.fork(script, [], {
        env: { ...(options.env ?? process.env), ...job.env },
        stdio: 'pipe',
        serviceName: 'Make Tray keychain check',
      });
      return await watchProcess(proc, () => proc.kill(), signal);
    } finally {
      if (ownDir) await rm(ownDir, { recursive: true, force: true }).catch(() => undefined);
    }
  };
}

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
  const runner =
    options.runner ??
    nodeProbeRunner({ ...(options.execPath !== undefined && { execPath: options.execPath }), ...(options.env !== undefined && { env: options.env }) });
  const input = { module: keyringModule, service: options.service ?? SECRET_SERVICE_NAME, account: `__probe__${randomUUID()}`, value: randomUUID() };
  const job: KeychainProbeJob = { source: KEYCHAIN_PROBE_SOURCE, env: { [INPUT_VAR]: JSON.stringify(input) } };

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<KeychainStatus>((resolve) => {
    timer = setTimeout(() => resolve(unavailable('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const run = Promise.resolve()
    .then(() => runner(job, controller.signal))
    .then(
      ({ stdout, stderr, how }): KeychainStatus => {
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          const result = JSON.parse(line) as { ok: boolean; detail?: string };
          if (result.ok) return { available: true };
          const detail = result.detail ?? 'unknown failure';
          return unavailable(classifyKeychainError(detail), detail);
        } catch {
          return unavailable('failed', `probe ended (${how}) without an answer${stderr ? `: ${stderr.trim().slice(0, 300)}` : ''}`);
        }
      },
      (err: unknown) => unavailable('failed', `probe could not start: ${err instanceof Error ? err.message : String(err)}`),
    );
  return Promise.race([run, deadline]).finally(() => {
    clearTimeout(timer);
    controller.abort(); // the process is gone already, or is killed now
  });
}
