// Run history (`/scenarios/{id}/logs`, newest first, keyset or offset paging) and execution detail.
import type { RequestContext } from '../context';
import { ApiError, notFound } from '../errors';
import type { Router } from '../router';
import type { ExecutionRecord } from '../world/model';
import { MAX_PAGE } from './common';
import { imtIdOf, renderLog } from './render';

const DETAIL_STATUS = { 1: 'SUCCESS', 2: 'WARNING', 3: 'ERROR' } as const;

function listLogs(ctx: RequestContext): unknown {
  const s = ctx.scenario(ctx.intParam('scenarioId'));
  const q = ctx.query;
  const from = q.int('from', { min: 0 });
  const to = q.int('to', { min: 0 });
  const status = q.int('status', { min: 1, max: 3 });
  q.bool('showCheckRuns');
  const limit = q.int('pg[limit]', { min: 1, max: MAX_PAGE }) ?? 50;
  const offset = q.int('pg[offset]', { min: 0 });
  const last = q.str('pg[last]');
  const showLast = q.bool('pg[showLast]') ?? false;
  const sortBy = q.oneOf('pg[sortBy]', ['imtId'] as const) ?? 'imtId';
  const sortDir = q.oneOf('pg[sortDir]', ['asc', 'desc'] as const) ?? 'desc';

  const all = ctx.world.logsByScenario.get(s.id) ?? [];
  const keep = (e: ExecutionRecord): boolean => {
    if (from !== undefined && e.start < from) return false;
    if (to !== undefined && e.start > to) return false;
    if (status !== undefined && e.status !== status) return false;
    if (last !== undefined && last !== '') {
      const key = imtIdOf(e);
      if (sortDir === 'desc' ? !(key < last || (showLast && key === last)) : !(key > last || (showLast && key === last))) return false;
    }
    return true;
  };
  const out: ExecutionRecord[] = [];
  let skipped = 0;
  const skip = offset ?? 0;
  // Logs are stored oldest first; walk in the requested direction and stop once the page is full.
  for (let n = 0; n < all.length && out.length < limit; n++) {
    const e = all[sortDir === 'desc' ? all.length - 1 - n : n] as ExecutionRecord;
    if (!keep(e)) continue;
    if (skipped < skip) {
      skipped++;
      continue;
    }
    out.push(e);
  }
  const pg: Record<string, unknown> = { sortBy, sortDir, last: last ?? null, showLast, limit };
  if (offset !== undefined) pg.offset = offset;
  return { scenarioLogs: out.map(renderLog), pg };
}

export function registerLogRoutes(r: Router): void {
  r.get('/scenarios/:scenarioId/logs', 'scenarios:read', listLogs);

  r.get('/scenarios/:scenarioId/logs/:executionId', 'scenarios:read', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    const e = ctx.world.executionsById.get(ctx.params.executionId ?? '');
    if (!e || e.scenarioId !== s.id || e.status === 'running') throw notFound('Execution log not found.');
    return { scenarioLog: renderLog(e) };
  });

  r.get('/scenarios/:scenarioId/executions/:executionId', 'scenarios:read', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    const maxBytes = ctx.query.int('maxBytes', { min: 1 });
    const e = ctx.world.executionsById.get(ctx.params.executionId ?? '');
    // Right after a run Make answers 404 for a moment.
    if (!e || e.scenarioId !== s.id || ctx.now < e.visibleAt) throw notFound('Execution not found.');
    if (e.status === 'running') return { status: 'RUNNING' };
    const out: Record<string, unknown> = { status: DETAIL_STATUS[e.status] };
    if (e.outputs) out.outputs = e.outputs;
    if (e.error) out.error = e.error;
    if (maxBytes !== undefined && JSON.stringify(out).length > maxBytes) {
      throw new ApiError(413, { detail: `The execution detail is larger than ${maxBytes} bytes.`, message: 'Payload Too Large', code: 'SC413' });
    }
    return out;
  });
}
