import { createServer } from 'node:net';
import { AsyncEntry } from '@napi-rs/keyring';
const sock = '/tmp/h12/silent-bus2';
try { (await import('node:fs')).unlinkSync(sock); } catch {}
const server = createServer((s) => { s.on('error', ()=>{}); s.resume(); });
await new Promise((r) => server.listen(sock, r));
server.unref();
process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${sock}`;
const t0 = Date.now();
const ac = new AbortController();
const p = new AsyncEntry('x','y',{linux:{store:'secret-service'}}).getPassword(ac.signal).then((v)=>console.log('got', v), (e)=>console.log('err', e.message, Date.now()-t0));
setTimeout(() => { ac.abort(); console.log('aborted', Date.now()-t0); }, 1000);
setTimeout(() => { console.log('exiting', Date.now()-t0); process.exit(0); }, 2000);
