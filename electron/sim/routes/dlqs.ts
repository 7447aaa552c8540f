// Incomplete executions (DLQ): list by scenario, detail, update, retry (one or bulk), delete, bundle,
// blueprint, retry logs.
import type { RequestContext } from '../context';
import { confirmationRequired, invalidInput, notFound } from '../errors';
import type { Router } from '../router';
import { dlqBulkBody, dlqUpdateBody, parseBlueprint } from '../schemas';
import type { DlqLog, SimDlq } from '../world/model';
import { iso } from './common';

function renderDlqLog(ctx: RequestContext, d: SimDlq, l: DlqLog, detail: boolean): Record<string, unknown> {
  const s = ctx.world.scenarios.get(d.scenarioId);
  const org = s ? ctx.world.orgOfScenario(s) : undefined;
  const base: Record<string, unknown> = {
    imtId: `${l.start}_dlq.${d.id}.manual.${l.id}`,
    duration: l.duration,
    operations: l.operations,
    centicredits: l.operations * 100,
    transfer: l.transfer,
  };
  if (detail) base.organizationId = org?.id ?? 0;
  base.teamId = s?.teamId ?? 0;
  base.id = l.id;
  base.type = 'manual';
  base.authorId = null;
  if (detail) base.instant = false;
  base.timestamp = iso(l.start);
  base.status = l.status;
  return base;
}

function bulkTargets(ctx: RequestContext, scenarioDlqs: SimDlq[]): SimDlq[] {
  const body = ctx.parseBody(dlqBulkBody);
  if (body.all === true) {
    const except = new Set(body.exceptIds ?? []);
    return scenarioDlqs.filter((d) => !except.has(d.id));
  }
  if (!body.ids || body.ids.length === 0) throw invalidInput(["Provide 'ids' or 'all': true."]);
  const wanted = new Set(body.ids);
  return scenarioDlqs.filter((d) => wanted.has(d.id));
}

export function registerDlqRoutes(r: Router): void {
  r.get('/dlqs', 'dlqs:read', (ctx) => {
    const s = ctx.scenario(ctx.query.requiredInt('scenarioId', { min: 1 }));
    const items = ctx.world.dlqsOfScenario(s.id).sort((a, b) => b.created - a.created);
    return {
      dlqs: items.map((d) => ({ id: d.id, reason: d.reason, created: iso(d.created), size: d.size, resolved: d.resolved, retry: d.retry, attempts: d.attempts })),
    };
  });

  r.post('/dlqs/retry', 'dlqs:write', (ctx) => {
    const s = ctx.scenario(ctx.query.requiredInt('scenarioId', { min: 1 }));
    const targets = bulkTargets(ctx, ctx.world.dlqsOfScenario(s.id));
    for (const d of targets) ctx.scheduler.retryDlq(d, ctx.now);
    return { dlqs: targets.map((d) => d.id) };
  });

  r.delete('/dlqs', 'dlqs:write', (ctx) => {
    const s = ctx.scenario(ctx.query.requiredInt('scenarioId', { min: 1 }));
    if (ctx.query.bool('confirmed') !== true) throw confirmationRequired('Deleting incomplete executions requires confirmed=true.');
    const targets = bulkTargets(ctx, ctx.world.dlqsOfScenario(s.id)).filter((d) => !d.retry);
    for (const d of targets) {
      d.deleted = true;
      if (s.dlqCount > 0) s.dlqCount -= 1;
    }
    return { dlqs: targets.map((d) => d.id) };
  });

  r.get('/dlqs/:dlqId', 'dlqs:read', (ctx) => {
    const d = ctx.dlq(ctx.params.dlqId ?? '');
    const s = ctx.world.scenarios.get(d.scenarioId);
    const team = s ? ctx.world.teams.get(s.teamId) : undefined;
    return {
      dlq: {
        id: d.id,
        scenarioId: d.scenarioId,
        scenarioName: s?.name ?? '',
        companyId: team?.id ?? 0,
        companyName: team?.name ?? '',
        resolved: d.resolved,
        deleted: d.deleted,
        index: d.index,
        created: iso(d.created),
        executionId: d.executionId,
        retry: d.retry,
        attempts: d.attempts,
        size: d.size,
      },
    };
  });

  r.patch('/dlqs/:dlqId', 'dlqs:write', (ctx) => {
    const d = ctx.dlq(ctx.params.dlqId ?? '');
    const body = ctx.parseBody(dlqUpdateBody);
    if (body.blueprint !== undefined) d.blueprint = parseBlueprint(body.blueprint);
    if (body.failer !== undefined) d.failer = body.failer;
    return { dlq: { failer: d.failer, blueprint: d.blueprint } };
  });

  r.post('/dlqs/:dlqId/retry', 'dlqs:write', (ctx) => {
    const d = ctx.dlq(ctx.params.dlqId ?? '');
    ctx.scheduler.retryDlq(d, ctx.now);
    return { dlq: d.id };
  });

  r.get('/dlqs/:dlqId/bundle', 'dlqs:read', (ctx) => ({ code: 'OK', response: ctx.dlq(ctx.params.dlqId ?? '').bundle }));

  r.get('/dlqs/:dlqId/blueprint', 'dlqs:read', (ctx) => {
    const d = ctx.dlq(ctx.params.dlqId ?? '');
    return { code: 'OK', response: { blueprint: d.blueprint } };
  });

  r.get('/dlqs/:dlqId/logs', 'dlqs:read', (ctx) => {
    const d = ctx.dlq(ctx.params.dlqId ?? '');
    const limit = ctx.query.int('pg[limit]', { min: 1, max: 10_000 }) ?? 50;
    const offset = ctx.query.int('pg[offset]', { min: 0 }) ?? 0;
    const logs = [...d.logs].reverse().slice(offset, offset + limit);
    return { dlqLogs: logs.map((l) => renderDlqLog(ctx, d, l, false)), pg: { sortBy: 'imtId', sortDir: 'desc', limit, offset } };
  });

  r.get('/dlqs/:dlqId/logs/:logId', 'dlqs:read', (ctx) => {
    const d = ctx.dlq(ctx.params.dlqId ?? '');
    const l = d.logs.find((x) => x.id === ctx.params.logId);
    if (!l) throw notFound('Retry log not found.');
    return { dlqLog: renderDlqLog(ctx, d, l, true) };
  });
}
