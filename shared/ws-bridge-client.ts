// The dashboard's side of the bridge: MakeTrayBridge over a WebSocket to the Node host
// (electron/dashboard/). Browser WebSocket API only. It reconnects with backoff, and after every
// (re)connect fetches `state.get` itself and hands it to listeners as a `state.snapshot` event, so a
// renderer keeps its mirror right by listening to `state.snapshot` and `state.patch` alone: patches
// that don't continue from the last version are dropped and trigger a fresh `state.get`.
import type { BridgeConnectionState, MakeTrayBridge } from './bridge';
import {
  CommandError,
  contractError,
  isEventName,
  parseEvent,
  type CommandArgs,
  type CommandChannel,
  type CommandReply,
  type EventName,
  type EventPayload,
  type StatePatchEvent,
  type StateSnapshot,
} from './contract';
import { DASHBOARD_SECRET_PARAM, DASHBOARD_WS_PATH, ServerMessageSchema, type ClientMessage } from './contract-wire';

/** The part of the browser's WebSocket this client uses (the `ws` package's client has it too). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface WsBridgeOptions {
  /** `ws://127.0.0.1:PORT/ws?k=SECRET` (see `dashboardSocketUrl`). */
  url: string;
  /** Makes the socket; the global `WebSocket` by default. */
  createSocket?: (url: string) => WebSocketLike;
  /** First reconnect delay and the cap it doubles up to. */
  backoff?: { initialMs: number; maxMs: number };
  /** Check every event payload against the contract (costly for big states; handy in tests). */
  validateEvents?: boolean;
}

export interface WsBridge extends MakeTrayBridge {
  onConnectionChange(handler: (state: BridgeConnectionState) => void): () => void;
  readonly connectionState: BridgeConnectionState;
  /** Version of the last snapshot or patch handed to listeners (-1 before the first snapshot). */
  readonly stateVersion: number;
  /** Closes for good: pending commands fail with `offline`, no reconnect. */
  close(): void;
}

const OPEN = 1;
const CONNECTING = 0;

const offline = () => new CommandError(contractError('offline', 'Lost the connection to Make Tray. Trying to reconnect…'));

/**
 * The dashboard socket's URL for a page at `location`, or null when the page has no launch secret.
 * The secret is read from the fragment only: a query would send it in requests, logs and Referers.
 */
export function dashboardSocketUrl(location: { protocol: string; host: string; hash: string }): string | null {
  const secret = new URLSearchParams(location.hash.replace(/^#/, '')).get(DASHBOARD_SECRET_PARAM);
  if (!secret) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${DASHBOARD_WS_PATH}?${DASHBOARD_SECRET_PARAM}=${encodeURIComponent(secret)}`;
}

/**
 * The page's address without the launch secret (other fragment parts, e.g. `scenario=` or `view=`,
 * stay), or null when there is no secret to remove. For `history.replaceState` once the secret is read,
 * so it is not left in the history, a bookmark or a screenshot of the address bar.
 */
export function addressWithoutSecret(location: { pathname: string; search: string; hash: string }): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (!params.has(DASHBOARD_SECRET_PARAM)) return null;
  params.delete(DASHBOARD_SECRET_PARAM);
  const rest = params.toString();
  return `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`;
}

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const createSocket =
    options.createSocket ??
    ((url: string) => {
      const Ctor = (globalThis as { WebSocket?: new (url: string) => WebSocketLike }).WebSocket;
      if (!Ctor) throw new Error('This environment has no WebSocket.');
      return new Ctor(url);
    });
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 10_000 };

  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const connectionHandlers = new Set<(state: BridgeConnectionState) => void>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  /** Invokes made while the socket is still connecting: sent once it opens. */
  const queued: ClientMessage[] = [];

  let socket: WebSocketLike | null = null;
  let state: BridgeConnectionState = 'connecting';
  let closedForGood = false;
  let nextId = 1;
  let delay = backoff.initialMs;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let version = -1;
  let syncing = false;

  const setState = (next: BridgeConnectionState) => {
    if (state === next) return;
    state = next;
    for (const h of [...connectionHandlers]) h(next);
  };

  const emit = (event: EventName, payload: unknown) => {
    for (const h of [...(handlers.get(event) ?? [])]) {
      try {
        h(payload);
      } catch (err) {
        // A listener's bug must not break the bridge for the others.
        console.error(`make-tray bridge: a "${event}" listener threw`, err);
      }
    }
  };

  const send = (msg: ClientMessage) => {
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(msg));
    else queued.push(msg);
  };

  const request = (channel: string, payload: unknown): Promise<unknown> => {
    if (closedForGood || !socket || (socket.readyState !== OPEN && socket.readyState !== CONNECTING)) {
      return Promise.reject(offline());
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      send({ type: 'invoke', id, channel, payload });
    });
  };

  const resync = () => {
    if (syncing) return;
    syncing = true;
    request('state.get', {})
      .then((snapshot) => {
        const s = snapshot as StateSnapshot;
        version = s.version;
        emit('state.snapshot', s);
      })
      .catch(() => {
        // Offline: the next connection resyncs.
      })
      .finally(() => {
        syncing = false;
      });
  };

  const onPatch = (patch: StatePatchEvent) => {
    if (version < 0 || syncing) return; // the snapshot on its way already includes it or will
    if (patch.to <= version) return; // already seen
    if (patch.from !== version) return resync();
    version = patch.to;
    emit('state.patch', patch);
  };

  const onMessage = (raw: unknown) => {
    if (typeof raw !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    const msg = ServerMessageSchema.safeParse(parsed);
    if (!msg.success) return;
    const m = msg.data;
    if (m.type === 'reply') {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new CommandError(m.error));
      return;
    }
    if (!isEventName(m.event)) return;
    let payload: unknown = m.payload;
    if (options.validateEvents) {
      try {
        payload = parseEvent(m.event, m.payload);
      } catch {
        console.error(`make-tray bridge: dropped a malformed "${m.event}" event`);
        return;
      }
    }
    if (m.event === 'state.patch') return onPatch(payload as StatePatchEvent);
    if (m.event === 'state.snapshot') version = (payload as StateSnapshot).version;
    emit(m.event, payload);
  };

  const failPending = () => {
    queued.length = 0;
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) p.reject(offline());
  };

  const scheduleReconnect = () => {
    if (closedForGood || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      connect();
    }, delay);
    delay = Math.min(backoff.maxMs, delay * 2);
  };

  function connect() {
    setState('connecting');
    let s: WebSocketLike;
    try {
      s = createSocket(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = s;
    s.onopen = () => {
      if (socket !== s) return;
      delay = backoff.initialMs;
      setState('open');
      for (const msg of queued.splice(0)) s.send(JSON.stringify(msg));
      version = -1;
      syncing = false;
      resync();
    };
    s.onmessage = (ev) => {
      if (socket === s) onMessage(ev.data);
    };
    s.onerror = () => {
      // A close event follows; reconnect happens there.
    };
    s.onclose = () => {
      if (socket !== s) return;
      socket = null;
      failPending();
      if (closedForGood) return setState('closed');
      setState('connecting');
      scheduleReconnect();
    };
  }

  connect();

  return {
    invoke<C extends CommandChannel>(channel: C, ...args: CommandArgs<C>): Promise<CommandReply<C>> {
      const payload = args[0] ?? {};
      const result = request(channel, payload) as Promise<CommandReply<C>>;
      if (channel === 'state.get') {
        // A snapshot the renderer fetched itself is the new base for patches too.
        void result.then((s) => {
          version = Math.max(version, (s as StateSnapshot).version);
        }, () => undefined);
      }
      return result;
    },
    on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      const h = handler as (payload: unknown) => void;
      set.add(h);
      return () => {
        set.delete(h);
      };
    },
    onConnectionChange(handler) {
      connectionHandlers.add(handler);
      return () => {
        connectionHandlers.delete(handler);
      };
    },
    get connectionState() {
      return state;
    },
    get stateVersion() {
      return version;
    },
    close() {
      closedForGood = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      const s = socket;
      socket = null;
      failPending();
      s?.close(1000, 'closed');
      setState('closed');
    },
  };
}
