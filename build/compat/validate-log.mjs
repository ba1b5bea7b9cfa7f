// Checks every frame of a proxy.cjs log against OpenClaw's own closed TypeBox schemas from its npm package: frames
// (Request/Response/Event), connect params, hello-ok, health, agents.list and sessions.delete results, the params of
// the methods this gateway serves, and tick/shutdown/chat/agent events.
// Usage: OPENCLAW_NPM=/path/to/node_modules node validate-log.mjs frames.log   (exit 1 when a frame does not conform)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
const npm = process.env.OPENCLAW_NPM || 'node_modules';
const dist = path.resolve(npm, 'openclaw/dist') + '/';
const { Compile } = await import(path.resolve(npm, 'typebox/build/compile/index.mjs'));

// schema name -> {file, alias}, from the bundles' export lists
const index = new Map();
for (const f of readdirSync(dist)) {
  if (!f.endsWith('.mjs')) continue;
  const text = readFileSync(dist + f, 'utf8');
  if (!text.includes('packages/gateway-protocol/src/schema/')) continue;
  const m = text.match(/export \{([^}]*)\};\s*$/);
  if (!m) continue;
  for (const part of m[1].split(',')) {
    const [name, alias] = part.trim().split(/\s+as\s+/);
    if (name && !index.has(name)) index.set(name, { file: f, alias: alias ?? name });
  }
}
async function load(name) {
  if (name === 'HealthSnapshotSchema') return (await load('HelloOkSchema')).properties.snapshot.properties.health;
  const e = index.get(name);
  return e ? (await import(dist + e.file))[e.alias] : null;
}
const cache = new Map();
async function check(name, value) {
  if (!cache.has(name)) { const s = await load(name); cache.set(name, s ? Compile(s) : null); }
  const c = cache.get(name);
  if (!c) return `no schema ${name} in this package`;
  if (c.Check(value)) return null;
  return [...c.Errors(value)].slice(0, 6).map((e) => `${e.instancePath || '/'} ${e.message} ${e.params ? JSON.stringify(e.params) : ''}`).join('; ');
}
const results = { connect: 'HelloOkSchema', health: 'HealthSnapshotSchema', 'agents.list': 'AgentsListResultSchema', 'sessions.delete': 'SessionsDeleteResultSchema' };
const params = {
  connect: 'ConnectParamsSchema', 'chat.send': 'ChatSendParamsSchema', 'chat.history': 'ChatHistoryParamsSchema',
  'chat.abort': 'ChatAbortParamsSchema', agent: 'AgentParamsSchema', 'sessions.list': 'SessionsListParamsSchema',
  'sessions.reset': 'SessionsResetParamsSchema', 'sessions.delete': 'SessionsDeleteParamsSchema',
  'models.list': 'ModelsListParamsSchema', 'agents.list': 'AgentsListParamsSchema',
};
const events = { tick: 'TickEventSchema', shutdown: 'ShutdownEventSchema', chat: 'ChatEventSchema', agent: 'AgentEventSchema' };
// OpenClaw's own server adds sessionKey and agentId to agent events although AgentEventSchema is closed; so do we
const known = (event, problem) => event === 'agent' && /additionalProperties":\["(sessionKey|agentId)"(,"(sessionKey|agentId)")?\]/.test(problem);
const methods = new Map();
let bad = 0, knownCount = 0, n = 0;
for (const line of readFileSync(process.argv[2], 'utf8').replace(/\0/g, '').split('\n')) {
  const m = line.match(/^#(\d+) (S>C|C>S) (.*)$/);
  if (!m) continue;
  let f;
  try { f = JSON.parse(m[3]); } catch { continue; }
  n++;
  const problems = [];
  const p = await check(m[2] === 'S>C' ? 'GatewayFrameSchema' : 'RequestFrameSchema', f);
  if (p) problems.push('frame: ' + p);
  if (f.type === 'req') {
    methods.set(m[1] + f.id, f.method);
    if (params[f.method]) { const q = await check(params[f.method], f.params ?? {}); if (q) problems.push(`${params[f.method]}: ${q}`); }
  }
  if (f.type === 'res' && f.ok) {
    const method = methods.get(m[1] + f.id);
    if (results[method]) { const q = await check(results[method], f.payload); if (q) problems.push(`${method} ${results[method]}: ${q}`); }
  }
  if (f.type === 'event' && events[f.event]) {
    const q = await check(events[f.event], f.payload);
    if (q && known(f.event, q)) knownCount++;
    else if (q) problems.push(`${f.event} ${events[f.event]}: ${q}`);
  }
  if (problems.length) {
    bad++;
    console.log(`#${m[1]} ${m[2]} ${f.type} ${f.method ?? f.event ?? methods.get(m[1] + f.id) ?? ''}\n  ${problems.join('\n  ')}`);
  }
}
console.log(`${n} frames, ${bad} not conforming, ${knownCount} agent events with sessionKey/agentId (as OpenClaw's own server sends)`);
process.exit(bad ? 1 : 0);
