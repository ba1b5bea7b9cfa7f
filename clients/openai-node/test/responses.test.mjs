import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { ResponsesWS } from 'openai/resources/responses/ws';
import { client } from '../lib/client.mjs';

const weather = {
  type: 'function',
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

test('responses.create answers with output_text', async () => {
  const r = await client().responses.create({ model: 'openclaw', input: 'hello sdk' });
  assert.equal(r.object, 'response');
  assert.equal(r.status, 'completed');
  assert.equal(r.output_text, 'echo: hello sdk');
  assert.equal(r.usage.total_tokens, 10);
});

test('responses.create with stream:true yields every event and ends at response.completed', async () => {
  const stream = await client().responses.create({ model: 'openclaw', input: 'stream me', stream: true });
  const events = [];
  for await (const e of stream) events.push(e);
  assert.equal(events[0].type, 'response.created');
  assert.equal(events.at(-1).type, 'response.completed');
  assert.deepEqual(events.map((e) => e.sequence_number), events.map((_, i) => i));
  const text = events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('');
  assert.equal(text, 'echo: stream me');
  assert.equal(events.at(-1).response.output[0].content[0].text, 'echo: stream me');
});

test('responses.stream accumulates the events into the final response', async () => {
  const stream = client().responses.stream({ model: 'openclaw', input: 'accumulate', tools: [weather] });
  const deltas = [];
  stream.on('response.output_text.delta', (e) => deltas.push(e.delta));
  const final = await stream.finalResponse();
  assert.equal(final.output_text, 'echo: accumulate');
  assert.equal(deltas.join(''), 'echo: accumulate');
});

test('a function tool round trip with previous_response_id', async () => {
  const c = client();
  const first = await c.responses.create({
    model: 'openclaw',
    tools: [weather],
    input: 'call get_weather {"city":"Lisbon"}',
  });
  const call = first.output.find((o) => o.type === 'function_call');
  assert.ok(call, JSON.stringify(first.output));
  assert.equal(call.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.arguments), { city: 'Lisbon' });

  const second = await c.responses.create({
    model: 'openclaw',
    tools: [weather],
    previous_response_id: first.id,
    input: [{ type: 'function_call_output', call_id: call.call_id, output: '21 degrees' }],
  });
  assert.equal(second.output_text, 'tool said: 21 degrees');
});

test('responses.retrieve, inputItems.list and delete', async () => {
  const c = client();
  const r = await c.responses.create({ model: 'openclaw', input: 'keep me' });
  const again = await c.responses.retrieve(r.id);
  assert.equal(again.id, r.id);
  assert.equal(again.output_text, 'echo: keep me');
  const items = [];
  for await (const item of c.responses.inputItems.list(r.id)) items.push(item);
  assert.equal(items.length, 1);
  assert.equal(items[0].content[0].text, 'keep me');
  await c.responses.delete(r.id);
  await assert.rejects(c.responses.retrieve(r.id), OpenAI.NotFoundError);
});

test('an unknown previous_response_id is a BadRequestError', async () => {
  await assert.rejects(
    client().responses.create({ model: 'openclaw', input: 'x', previous_response_id: 'resp_missing' }),
    (e) => e instanceof OpenAI.BadRequestError && e.code === 'previous_response_not_found',
  );
});

/** The next event of `type` (or an error) on a ResponsesWS. */
function next(ws, type) {
  return new Promise((resolve, reject) => {
    const onEvent = (e) => {
      if (e.type === type) {
        ws.off('event', onEvent);
        ws.off('error', onError);
        resolve(e);
      }
    };
    const onError = (err) => {
      ws.off('event', onEvent);
      ws.off('error', onError);
      reject(err);
    };
    ws.on('event', onEvent);
    ws.on('error', onError);
  });
}

test('the SDK WebSocket client creates, warms up and chains responses over /v1/responses', { timeout: 30_000 }, async () => {
  const ws = new ResponsesWS(client());
  try {
    const types = [];
    ws.on('event', (e) => types.push(e.type));
    let done = next(ws, 'response.completed');
    ws.send({ type: 'response.create', model: 'openclaw', input: 'over the sdk socket' });
    const completed = await done;
    assert.equal(completed.response.output[0].content[0].text, 'echo: over the sdk socket');
    assert.equal(types[0], 'response.created');
    assert.ok(types.includes('response.output_text.delta'));

    done = next(ws, 'response.completed');
    ws.send({ type: 'response.create', model: 'openclaw', generate: false, store: false, input: [] });
    const warm = await done;
    assert.deepEqual(warm.response.output, []);

    done = next(ws, 'response.completed');
    ws.send({ type: 'response.create', model: 'openclaw', store: false, previous_response_id: warm.response.id, input: 'history?' });
    assert.equal((await done).response.output[0].content[0].text, 'messages: 1');

    const failed = next(ws, 'response.completed');
    ws.send({ type: 'response.create', model: 'no-such-agent', input: 'x' });
    await assert.rejects(failed, (err) => err.error?.type === 'error' && err.error.error.code === 'model_not_found');
  } finally {
    ws.close();
  }
});
