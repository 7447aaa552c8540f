// The public address of a hook (`${zoneOrigin}/hook/{udid}`, outside /api/v2, no auth). Data sent here
// is queued on the hook and runs the attached scenario, as Make's webhooks do.
import type { IncomingMessage } from 'node:http';
import type { SimCore } from './context';

export interface HookAnswer {
  status: number;
  body: unknown;
  text?: string;
}

function payloadOf(req: IncomingMessage, raw: string, query: URLSearchParams): unknown {
  const type = String(req.headers['content-type'] ?? '');
  const params = Object.fromEntries(query);
  if (raw === '') return params;
  if (type.includes('json')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return { value: raw };
    }
  }
  if (type.includes('x-www-form-urlencoded')) return { ...params, ...Object.fromEntries(new URLSearchParams(raw)) };
  return { ...params, value: raw };
}

const answer = (status: number, detail: string, code: string): HookAnswer => ({ status, body: { detail, message: detail, code } });

export function receiveHookData(core: SimCore, zone: string, udid: string, req: IncomingMessage, raw: string, query: URLSearchParams): HookAnswer {
  const { world, scheduler } = core;
  const hook = world.hooksByUdid.get(udid);
  if (!hook || world.orgOfTeam(hook.teamId)?.zone !== zone) return answer(404, 'There is no scenario listening for this webhook.', 'SC404');
  if (hook.gone) return answer(410, 'This webhook is gone.', 'SC410');
  if (!hook.enabled) return answer(400, 'This webhook is disabled.', 'SC400');
  const ip = hook.data.ip;
  if (typeof ip === 'string' && ip !== '') {
    const remote = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (!ip.split(',').map((s) => s.trim()).includes(remote)) return answer(403, 'The sender is not allowed to send data to this webhook.', 'SC403');
  }
  if (hook.queue.length >= hook.queueLimit) return answer(400, 'The webhook queue is full.', 'SC400');
  const payload = payloadOf(req, raw, query);
  const now = core.clock.now();
  if (hook.learning) {
    // While Make is determining the data structure, the first payload defines it.
    hook.dataStructure = payload;
    hook.learning = false;
    return { status: 200, body: null, text: 'Accepted' };
  }
  const scenario = world.scenarioOfHook(hook.id);
  if (scenario) {
    scheduler.deliverToHook(scenario, payload, now);
    const rec = scenario.running;
    if (rec) core.clock.setTimeout(() => core.catchUp(), Math.max(0, rec.end - now));
  } else {
    hook.queue.push(payload);
  }
  return { status: 200, body: null, text: 'Accepted' };
}
