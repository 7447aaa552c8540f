// Zod validation at the edge: a body that does not match becomes an `invalid-response` error whose
// text names the paths and expectations, never the values (which could be anything).
import type { z } from 'zod';
import { MakeApiError } from './errors';

export function formatIssues(issues: readonly z.core.$ZodIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => {
    const path = i.path.length > 0 ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
    return `${path}: ${i.code === 'invalid_type' ? `expected ${(i as { expected?: string }).expected ?? 'another type'}` : i.code.replace(/_/g, ' ')}`;
  });
  const more = issues.length > max ? ` (+${issues.length - max} more)` : '';
  return shown.join('; ') + more;
}

export function validateBody<S extends z.ZodType>(schema: S, body: unknown, endpoint: string, status?: number): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new MakeApiError({
    kind: 'invalid-response',
    endpoint,
    ...(status !== undefined ? { status } : {}),
    message: `${endpoint} returned data in an unexpected shape.`,
    detail: formatIssues(result.error.issues),
  });
}
