// Hooks (webhooks/mailhooks): list, get, create, rename, set-data, enable/disable, learn, ping, delete.
// The public address a hook receives data on is served by public-hooks.ts.
import { confirmationRequired } from '../errors';
import type { Router } from '../router';
import { createHookBody, renameHookBody, setHookDataBody } from '../schemas';
import { makeHook } from '../world/seed';
import { rngFor } from '../world/rng';
import { hookUrl, renderHook } from './render';

const APP_THEMES: Record<string, string> = { jotform: '#ffa500', typeform: '#262627', shopify: '#96bf48' };

export function registerHookRoutes(r: Router): void {
  r.get('/hooks', 'hooks:read', (ctx) => {
    const team = ctx.team(ctx.query.requiredInt('teamId', { min: 1 }));
    const typeName = ctx.query.str('typeName');
    const assigned = ctx.query.bool('assigned');
    const viewFor = ctx.query.int('viewForScenarioId', { min: 1 });
    let hooks = [...ctx.world.hooks.values()].filter((h) => h.teamId === team.id);
    if (typeName !== undefined) hooks = hooks.filter((h) => h.typeName === typeName);
    if (assigned !== undefined) hooks = hooks.filter((h) => (ctx.world.scenarioOfHook(h.id) !== undefined) === assigned);
    if (viewFor !== undefined) hooks = hooks.filter((h) => { const s = ctx.world.scenarioOfHook(h.id); return !s || s.id === viewFor; });
    return { hooks: hooks.sort((a, b) => a.id - b.id).map((h) => renderHook(ctx.world, h)) };
  });

  r.post('/hooks', 'hooks:write', (ctx) => {
    ctx.query.oneOf('useDefaults', ['requiredOnly', 'all', 'true', 'false'] as const);
    const body = ctx.parseBody(createHookBody);
    const team = ctx.team(body.teamId);
    const rng = rngFor(ctx.world.seed, ctx.world.hooks.size, 0x400c);
    const hook = makeHook(ctx.world, rng, team.id, body.name);
    hook.typeName = body.typeName;
    const gateway = body.typeName.startsWith('gateway-');
    hook.type = body.typeName === 'gateway-mailhook' ? 'mail' : 'web';
    if (gateway) {
      hook.data = { ip: body.ip ?? null, udt: null, headers: body.headers ?? false, method: body.method ?? false, stringify: body.stringify ?? false, teamId: team.id };
    } else {
      const { name: _n, teamId: _t, typeName: _y, ...appData } = body;
      hook.packageName = null;
      hook.theme = APP_THEMES[body.typeName] ?? '#6d00cc';
      hook.editable = false;
      hook.data = { ...appData, teamId: team.id };
    }
    return { hook: renderHook(ctx.world, hook) };
  });

  r.get('/hooks/:hookId', 'hooks:read', (ctx) => ({ hook: renderHook(ctx.world, ctx.hook(ctx.intParam('hookId'))) }));

  r.patch('/hooks/:hookId', 'hooks:write', (ctx) => {
    const hook = ctx.hook(ctx.intParam('hookId'));
    hook.name = ctx.parseBody(renameHookBody).name;
    return { hook: renderHook(ctx.world, hook) };
  });

  r.post('/hooks/:hookId/set-data', 'hooks:write', (ctx) => {
    const hook = ctx.hook(ctx.intParam('hookId'));
    const patch = ctx.parseBody(setHookDataBody);
    const before = JSON.stringify(hook.data);
    const next: Record<string, unknown> = { ...hook.data };
    for (const [k, v] of Object.entries(patch)) if (k !== '__proto__' && k !== 'constructor' && k !== 'teamId') next[k] = v;
    hook.data = next;
    return { changed: JSON.stringify(next) !== before };
  });

  r.delete('/hooks/:hookId', 'hooks:write', (ctx) => {
    const hook = ctx.hook(ctx.intParam('hookId'));
    const attached = ctx.world.scenarioOfHook(hook.id);
    if (attached && ctx.query.bool('confirmed') !== true) {
      throw confirmationRequired(`The hook is used by scenario ${attached.id}. Repeat with confirmed=true to delete it.`);
    }
    if (attached) {
      attached.hookId = null;
      ctx.scheduler.deactivate(attached);
    }
    ctx.world.deleteHook(hook.id);
    return { hook: hook.id };
  });

  r.get('/hooks/:hookId/ping', 'hooks:read', (ctx) => {
    const hook = ctx.hook(ctx.intParam('hookId'));
    return { address: hookUrl(ctx.world, hook), attached: ctx.world.scenarioOfHook(hook.id) !== undefined, learning: hook.learning, gone: hook.gone };
  });

  const flag = (path: string, apply: (h: { enabled: boolean; learning: boolean }) => void) =>
    r.post(`/hooks/:hookId/${path}`, 'hooks:write', (ctx) => {
      apply(ctx.hook(ctx.intParam('hookId')));
      return { success: true };
    });
  flag('enable', (h) => (h.enabled = true));
  flag('disable', (h) => (h.enabled = false));
  flag('learn-start', (h) => (h.learning = true));
  flag('learn-stop', (h) => (h.learning = false));
}
