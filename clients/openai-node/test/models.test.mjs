import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { client, baseURL } from '../lib/client.mjs';

test('models.list returns the default target and every agent', async () => {
  const ids = [];
  for await (const m of client().models.list()) ids.push(m.id);
  assert.deepEqual(ids, ['openclaw', 'openclaw/main', 'openclaw/research-bot']);
});

test('models.retrieve returns one agent and 404 for an unknown model', async () => {
  const m = await client().models.retrieve('openclaw/research-bot');
  assert.equal(m.id, 'openclaw/research-bot');
  assert.equal(m.object, 'model');
  await assert.rejects(client().models.retrieve('gpt-4o'), (e) => e instanceof OpenAI.NotFoundError && e.code === 'model_not_found');
});

test('a wrong key is an AuthenticationError', async () => {
  await assert.rejects(client({ apiKey: 'wrong' }).models.list(), OpenAI.AuthenticationError);
});

test('GET /v1/health answers without credentials', async () => {
  const r = await fetch(`${baseURL}/health`);
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { ok: true, status: 'live' });
});
