// What every management operation answers: done, failed (a typed error in plain words), or "needs
// confirmation" (the user must confirm and call again with `confirmed: true`). Never an exception for
// something Make said; the codes are the contract's, so a UI can pass them through unchanged.
import type { ErrorCode } from '../../../shared/contract';
import { problemText, type Problem } from '../../../shared/problems';
import { GovernorDisposedError } from '../governor';
import { isAuthError, isConfirmationRequired, isMakeApiError, isMissingScope, missingScopeOf } from '../make';

export interface ManagementError {
  code: ErrorCode;
  /** A sentence for the user. Never a secret, never a stack. */
  message: string;
  /** For `missing-scope`: the scope Make named (e.g. `hooks:write`). */
  scope?: string;
  /** For `invalid-input`: every problem, one sentence each. */
  problems?: string[];
  /** For `invalid-input`: the input field at fault, when one is. */
  field?: string;
  retryAfterMs?: number;
}

export interface ConfirmationRequest {
  /** Why the action needs a second, explicit yes. */
  reason: 'hook-attached' | 'remove-member' | 'scenario-name' | 'make-asks';
  message: string;
  /** The scenario involved (an attached hook's scenario, the scenario being deleted). */
  scenario?: { id: number; key: string | null; name: string | null };
}

export type ManagementResult<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'error'; error: ManagementError }
  | { kind: 'needs-confirmation'; confirmation: ConfirmationRequest };

export const ok = <T>(value: T): ManagementResult<T> => ({ kind: 'ok', value });
export const failed = <T = never>(error: ManagementError): ManagementResult<T> => ({ kind: 'error', error });
export const needsConfirmation = <T = never>(confirmation: ConfirmationRequest): ManagementResult<T> => ({
  kind: 'needs-confirmation',
  confirmation,
});

/** Problems go out in English (the window words the problems it finds itself, in its language). */
export const invalidInput = <T = never>(found: readonly (string | Problem)[], field?: string): ManagementResult<T> => {
  const problems = found.map((p) => (typeof p === 'string' ? p : problemText(p)));
  return failed({ code: 'invalid-input', message: problems.join(' '), problems, ...(field !== undefined ? { field } : {}) });
};

/** What an action is about, for messages: "This webhook", "This scenario", "This member". */
export interface ErrorSubject {
  /** e.g. "webhook", "scenario", "team member". */
  thing: string;
}

function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

/** Any failure of a management call, in plain words. */
export function toManagementError(err: unknown, subject: ErrorSubject): ManagementError {
  if (err instanceof GovernorDisposedError) {
    return { code: 'refused', message: 'The app is shutting down; the change was not sent to Make.' };
  }
  if (!isMakeApiError(err)) {
    return { code: 'internal', message: `Something went wrong in the app while changing the ${subject.thing}; nothing was confirmed by Make.` };
  }
  const detail = sentence(err.detail ?? err.message);
  // The guards below take `unknown` so their false branches don't narrow `err` away.
  const raw: unknown = err;
  if (isMissingScope(raw)) {
    const scope = missingScopeOf(raw);
    return {
      code: 'missing-scope',
      message: scope
        ? `This account's sign-in does not include the "${scope}" permission that this needs. Add it to the API token (or sign in again) and try once more.`
        : `This account's sign-in lacks a permission this needs: ${detail}`,
      ...(scope !== undefined ? { scope } : {}),
    };
  }
  if (isAuthError(raw)) {
    return { code: 'refused', message: 'Make no longer accepts the sign-in of this account. Sign in again, then retry.' };
  }
  if (err.kind === 'http') {
    const status = err.status ?? 0;
    if (status === 404) {
      return { code: 'not-found', message: `Make does not know this ${subject.thing} anymore; it may have been deleted meanwhile.` };
    }
    if (status === 429) {
      return {
        code: 'rate-limited',
        message: "The organization used up its Make API requests for this minute; try again shortly.",
        retryAfterMs: err.retryAfterMs ?? 60_000,
      };
    }
    if (status === 400 || status === 422 || err.code === 'IM005') {
      const problems = err.suberrors?.map((s) => sentence(s.message)).filter((s) => s !== '') ?? [];
      const list = problems.length > 0 ? problems : [detail];
      return { code: 'invalid-input', message: `Make did not accept this: ${list.join(' ')}`, problems: list };
    }
    if (isConfirmationRequired(raw)) {
      return { code: 'refused', message: `Make asks for a confirmation first: ${detail}` };
    }
    if (status === 403 || status === 402) {
      return { code: 'refused', message: `Make refused: ${detail}` };
    }
    if (status >= 500 || status === 408) {
      return { code: 'offline', message: `Make could not carry this out right now (${detail.replace(/\.$/, '')}). Try again in a moment.` };
    }
    return { code: 'refused', message: `Make refused: ${detail}` };
  }
  if (err.kind === 'network' || err.kind === 'timeout') {
    return { code: 'offline', message: 'Make could not be reached. Check the connection and try again.' };
  }
  if (err.kind === 'aborted') return { code: 'refused', message: 'The request was cancelled before Make answered.' };
  return { code: 'internal', message: `Make answered in a way the app does not understand: ${detail}` };
}

/** Runs `task`; a thrown failure becomes an error result. */
export async function attempt<T>(subject: ErrorSubject, task: () => Promise<T>): Promise<ManagementResult<T>> {
  try {
    return ok(await task());
  } catch (err) {
    return failed(toManagementError(err, subject));
  }
}
