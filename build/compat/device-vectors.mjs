// Device-auth test vectors made with the real OpenClaw client code (its v3 payload builder, Ed25519 signer and key
// encoder), for DeviceIdentityTest. Prints JSON; each run makes a new identity.
// Usage: OPENCLAW_NPM=/path/to/node_modules node device-vectors.mjs
// The bundle file names below are those of openclaw 2026.9.6; other versions hash them differently.
import path from 'node:path';
const dist = path.resolve(process.env.OPENCLAW_NPM || 'node_modules', 'openclaw/dist') + '/';
const identity = await import(dist + 'device-identity-B_zMrBd6.mjs');
const auth = await import(dist + 'device-auth-na9vtJo1.mjs');
const id = identity.d(); // generateStoredDeviceIdentity
const signedAtMs = 1795239115561;
const cases = [
  { name: 'cli-token', clientId: 'cli', clientMode: 'cli', role: 'operator', scopes: ['operator.write'], token: 'test-gateway-token', platform: 'linux', deviceFamily: 'Linux' },
  { name: 'device-token', clientId: 'cli', clientMode: 'cli', role: 'operator', scopes: ['operator.read', 'operator.write'], token: 'test-device-token', platform: 'linux', deviceFamily: 'Linux' },
  { name: 'non-ascii', clientId: 'openclaw-macos', clientMode: 'ui', role: 'operator', scopes: [], token: '', platform: ' MacOS\u00a0', deviceFamily: '\u0130Pad \u00dcnix' },
];
console.log(JSON.stringify(cases.map((c) => {
  const nonce = 'nonce-' + c.name;
  const payload = auth.n({ deviceId: id.deviceId, ...c, signedAtMs, nonce }); // buildDeviceAuthPayloadV3
  return { ...c, payload, device: { id: id.deviceId, publicKey: identity.s(id.publicKeyPem), signature: identity.c(id.privateKeyPem, payload), signedAt: signedAtMs, nonce } };
}), null, 1));
