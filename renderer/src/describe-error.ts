// Command errors in plain words, shown where the user acted.
import type { TFunction } from 'i18next';
import type { CommandError } from './bridge/contract-types';

export function describeError(e: CommandError, t: TFunction): string {
  const code = e.code.toLowerCase();
  if (code.includes('scope')) {
    const scope = /["“']([a-z]+:[a-z]+)["”']/i.exec(e.message)?.[1];
    return scope ? t('errors.missingScope', { scope }) : t('errors.forbidden');
  }
  if (code.includes('forbidden') || code === '403') return t('errors.forbidden');
  if (code.includes('rate') || code === '429') {
    return e.retryAfterMs !== undefined && e.retryAfterMs > 0
      ? t('errors.rateLimited', { seconds: Math.ceil(e.retryAfterMs / 1000) })
      : t('errors.rateLimitedNoTime');
  }
  if (code.includes('unauthorized') || code.includes('sign-in') || code === '401') return t('errors.unauthorized');
  if (code.includes('offline') || code.includes('network') || code.includes('unreachable')) return t('errors.offline');
  if (code.includes('not-found') || code.includes('not_found') || code === '404') return t('errors.notFound');
  // invalid-input, refused, internal: main's sentence says it best.
  return t('errors.generic', { message: e.message });
}
