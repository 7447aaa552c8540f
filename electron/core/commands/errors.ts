// Turns whatever a command's work threw into the contract's typed error, in plain words. Known error
// families (Make client, OAuth, sign-in) map by their fields; anything else becomes `internal` with a
// generic sentence, so a stack, a path or a secret never reaches the renderer.
import { CommandError, ERROR_CODES, contractError, type ContractError, type ErrorCode } from '../../../shared/contract';
import { OAuthError } from '../accounts/oauth-errors';
import { isSignInRequired } from '../accounts/oauth-credential-source';
import { redact as redactSecrets } from '../make/credentials';
import { isAuthError, isMakeApiError, type MakeApiError, isMissingScope, isNotFound, isRateLimited, missingScopeOf } from '../make/errors';

const MAX_MESSAGE = 300;
const MINUTE = 60_000;

/**
 * Removes the given known secrets (with the Make client's own `redact`) and anything else shaped like
 * a credential from a message.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  return redactSecrets(text, secrets.filter((s) => s.length >= 4))
    .replace(/\b(token|bearer|basic)\s+[^\s,;]+/gi, '$1 [hidden]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[hidden]')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '[hidden]')
    .replace(/[A-Za-z0-9+/_=-]{40,}/g, '[hidden]');
}

const oneLine = (text: string, secrets: readonly string[]) => {
  const t = redact(text.replace(/\s+/g, ' ').trim(), secrets);
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE - 1)}…` : t;
};

const withPeriod = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);

function fromMakeApiError(err: MakeApiError, secrets: readonly string[]): ContractError {
  // The guards narrow their argument; test a plain reference so `err` keeps its type below.
  const u: unknown = err;
  if (isRateLimited(u)) {
    return contractError('rate-limited', 'Make’s request limit for this organization is used up for now. Make Tray will try again shortly.', {
      retryAfterMs: Math.max(0, Math.round(err.retryAfterMs ?? MINUTE)),
    });
  }
  if (isMissingScope(u)) {
    const scope = missingScopeOf(u);
    return contractError(
      'missing-scope',
      scope
        ? `This connection to Make lacks the permission “${scope}”. Reconnect the account with it to do this.`
        : 'This connection to Make lacks a permission needed for this. Reconnect the account with more permissions.',
      scope ? { scope } : {},
    );
  }
  if (isAuthError(u)) return contractError('refused', 'Make no longer accepts this account’s sign-in. Sign in again in Settings.');
  if (isNotFound(u)) return contractError('not-found', 'Make could not find this any more. It may have been deleted.');
  switch (err.kind) {
    case 'network':
    case 'timeout':
    case 'aborted':
      return contractError('offline', 'Make Tray can’t reach Make right now. Check the connection; it will retry.');
    case 'http': {
      const status = err.status ?? 0;
      if (status >= 500) return contractError('offline', `Make is having trouble right now (HTTP ${status}). Try again in a little while.`);
      if (status === 403) return contractError('refused', 'Make refused this: your role in this team or organization does not allow it.');
      const said = err.detail ?? err.message;
      return contractError('refused', said ? `Make refused this: ${withPeriod(oneLine(said, secrets))}` : 'Make refused this.');
    }
    default:
      return contractError('internal', 'Make answered in a way Make Tray does not understand. Try again later.');
  }
}

/** The contract error for `err`. `secrets` are values from the request that must never be echoed. */
export function toContractError(err: unknown, secrets: readonly string[] = []): ContractError {
  if (err instanceof CommandError) return { ...err.error, message: oneLine(err.error.message, secrets) };
  if (isMakeApiError(err)) return fromMakeApiError(err, secrets);
  if (isSignInRequired(err)) return contractError('refused', withPeriod(oneLine(err.message, secrets)));
  if (err instanceof OAuthError) {
    const code: ErrorCode = err.problem === 'unreachable' ? 'offline' : err.problem === 'invalid-response' ? 'internal' : 'refused';
    return contractError(code, withPeriod(oneLine(err.message, secrets)));
  }
  // Errors of the app's own making that already speak the contract (`code` + plain `message`), such
  // as the engine's EngineCommandError.
  if (err instanceof Error && isErrorCode((err as { code?: unknown }).code)) {
    const retry = (err as { retryAfterMs?: unknown }).retryAfterMs;
    return contractError((err as unknown as { code: ErrorCode }).code, withPeriod(oneLine(err.message, secrets)), {
      ...(typeof retry === 'number' && retry >= 0 ? { retryAfterMs: Math.round(retry) } : {}),
    });
  }
  return contractError('internal', 'Something went wrong inside Make Tray. Try again; if it keeps happening, restart the app.');
}

/** One log line for a failure that became `internal` (name and redacted message only). */
export function describeForLog(err: unknown, secrets: readonly string[] = []): string {
  if (err instanceof Error) return `${err.name}: ${oneLine(err.message, secrets)}`;
  return oneLine(String(err), secrets);
}
