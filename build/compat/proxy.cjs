// A logging WebSocket proxy for protocol comparisons: ws://127.0.0.1:LISTEN -> ws://127.0.0.1:UPSTREAM/, one line per
// frame ("#<conn> C>S <json>" client to server, "#<conn> S>C <json>" server to client) on stdout.
// Usage: OPENCLAW_NPM=/path/to/node_modules node proxy.cjs LISTEN UPSTREAM [> frames.log]
// The log holds whatever the frames hold (tokens included): keep it in a throwaway directory.
const path = require('node:path');
const WebSocket = require(path.join(process.env.OPENCLAW_NPM || 'node_modules', 'ws'));
const [listen, upstream] = process.argv.slice(2).map(Number);
const host = process.env.PROXY_HOST || '127.0.0.1';
const wss = new WebSocket.Server({ host, port: listen, maxPayload: 64 * 1024 * 1024 });
let n = 0;
wss.on('connection', (client, req) => {
  const id = ++n;
  console.log(`#${id} OPEN host=${req.headers.host} origin=${req.headers.origin ?? '-'}`);
  const up = new WebSocket(`ws://127.0.0.1:${upstream}/`);
  const queue = [];
  up.on('open', () => { queue.forEach((m) => up.send(m)); queue.length = 0; });
  up.on('message', (d) => { const s = d.toString(); console.log(`#${id} S>C ${s}`); client.send(s); });
  client.on('message', (d) => {
    const s = d.toString();
    console.log(`#${id} C>S ${s}`);
    if (up.readyState === WebSocket.OPEN) up.send(s); else queue.push(s);
  });
  const closeCode = (c) => (c >= 1000 && c < 5000 && c !== 1005 && c !== 1006 ? c : 1000);
  up.on('close', (c, r) => { console.log(`#${id} upstream CLOSE ${c} ${r}`); client.close(closeCode(c), r); });
  client.on('close', (c, r) => { console.log(`#${id} client CLOSE ${c} ${r}`); up.close(); });
  up.on('error', (e) => console.log(`#${id} upstream error ${e.message}`));
  client.on('error', (e) => console.log(`#${id} client error ${e.message}`));
});
console.log(`proxy ${host}:${listen} -> 127.0.0.1:${upstream}`);
