// Command errors in plain words, shown where the user acted. The codes are the contract's
// (`ErrorCode` in shared/contract.ts); where main's own sentence says it best, it is shown as is.
import type { TFunction } from 'i18next';
import type { ContractError } from './bridge/contract-types';

export function describeError(e: ContractError, t: TFunction): string {
  switch (e.code) {
    case 'missing-scope': {
      const scope = e.scope ?? /["“'”]([a-z-]+:[a-z-]+)["”'“]/i.exec(e.message)?.[1];
      return scope ? t('errors.missingScope', { scope }) : t('errors.forbidden');
    }
    case 'rate-limited':
      return e.retryAfterMs !== undefined && e.retryAfterMs > 0
        ? t('errors.rateLimited', { seconds: Math.ceil(e.retryAfterMs / 1000) })
        : t('errors.rateLimitedNoTime');
    case 'offline':
      return t('errors.offline');
    case 'not-found':
      return t('errors.notFound');
    default:
      // invalid-input, refused, internal: main's sentence says it best.
      return t('errors.generic', { message: e.message });
  }
}
