import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { client } from '../lib/client.mjs';

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather of a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const callWeather = { role: 'user', content: 'call get_weather {"city":"Paris"}' };

test('chat.completions.create answers with a chat.completion', async () => {
  const c = await client().chat.completions.create({
    model: 'openclaw',
    messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hello sdk' }],
  });
  assert.match(c.id, /^chatcmpl-/);
  assert.equal(c.object, 'chat.completion');
  assert.equal(c.model, 'openclaw');
  assert.equal(c.choices.length, 1);
  assert.equal(c.choices[0].message.role, 'assistant');
  assert.equal(c.choices[0].message.content, 'echo: hello sdk');
  assert.equal(c.choices[0].finish_reason, 'stop');
  assert.deepEqual(
    [c.usage.prompt_tokens, c.usage.completion_tokens, c.usage.total_tokens],
    [7, 3, 10],
  );
});

test('a stable user keeps the conversation across requests', async () => {
  const ask = () => client().chat.completions.create({
    model: 'openclaw/main', user: 'sdk-history', messages: [{ role: 'user', content: 'history?' }],
  });
  assert.equal((await ask()).choices[0].message.content, 'messages: 1');
  assert.equal((await ask()).choices[0].message.content, 'messages: 3');
});

test('stream: true yields deltas and a finish_reason through for-await', async () => {
  const stream = await client().chat.completions.create({
    model: 'openclaw', stream: true, messages: [{ role: 'user', content: 'stream me' }],
  });
  let text = '';
  let finish = null;
  const ids = new Set();
  let role = null;
  for await (const chunk of stream) {
    ids.add(chunk.id);
    assert.equal(chunk.object, 'chat.completion.chunk');
    const choice = chunk.choices[0];
    role ??= choice.delta.role ?? null;
    text += choice.delta.content ?? '';
    finish = choice.finish_reason ?? finish;
  }
  assert.equal(ids.size, 1);
  assert.equal(role, 'assistant');
  assert.equal(text, 'echo: stream me');
  assert.equal(finish, 'stop');
});

test('stream_options.include_usage ends with a usage chunk without choices', async () => {
  const stream = await client().chat.completions.create({
    model: 'openclaw',
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'usage please' }],
  });
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const last = chunks.at(-1);
  assert.deepEqual(last.choices, []);
  assert.equal(last.usage.total_tokens, 10);
  assert.ok(chunks.slice(0, -1).every((c) => c.usage === null));
});

test('chat.completions.stream helper assembles the final completion', async () => {
  const runner = client().chat.completions.stream({
    model: 'openclaw', messages: [{ role: 'user', content: 'helper' }],
  });
  const deltas = [];
  runner.on('content', (delta) => deltas.push(delta));
  const final = await runner.finalChatCompletion();
  assert.equal(final.choices[0].message.content, 'echo: helper');
  assert.equal(deltas.join(''), 'echo: helper');
});

test('client tools: tool_calls come back and the tool message continues the turn', async () => {
  const api = client();
  const first = await api.chat.completions.create({ model: 'openclaw', tools: [weather], messages: [callWeather] });
  const message = first.choices[0].message;
  assert.equal(first.choices[0].finish_reason, 'tool_calls');
  assert.equal(message.content, null);
  assert.equal(message.tool_calls.length, 1);
  const call = message.tool_calls[0];
  assert.equal(call.type, 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });

  const second = await api.chat.completions.create({
    model: 'openclaw',
    tools: [weather],
    messages: [callWeather, message, { role: 'tool', tool_call_id: call.id, content: 'sunny, 21°C' }],
  });
  assert.equal(second.choices[0].message.content, 'tool said: sunny, 21°C');
  assert.equal(second.choices[0].finish_reason, 'stop');
});

test('client tools stream as tool_calls deltas with finish_reason tool_calls', async () => {
  const runner = client().chat.completions.stream({
    model: 'openclaw', user: 'sdk-stream-tools', tools: [weather], messages: [callWeather],
  });
  const final = await runner.finalChatCompletion();
  assert.equal(final.choices[0].finish_reason, 'tool_calls');
  const [call] = final.choices[0].message.tool_calls;
  assert.equal(call.function.name, 'get_weather');
  assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });

  const next = client().chat.completions.stream({
    model: 'openclaw',
    user: 'sdk-stream-tools',
    tools: [weather],
    messages: [callWeather, final.choices[0].message, { role: 'tool', tool_call_id: call.id, content: 'rain' }],
  });
  assert.equal(await next.finalContent(), 'tool said: rain');
});

test('runTools runs the client function and sends its result back', async () => {
  const seen = [];
  const runner = client().chat.completions.runTools({
    model: 'openclaw',
    messages: [callWeather],
    tools: [{
      type: 'function',
      function: {
        name: 'get_weather',
        description: 'Current weather of a city',
        parameters: weather.function.parameters,
        parse: JSON.parse,
        function: (args) => { seen.push(args.city); return { city: args.city, sky: 'clear' }; },
      },
    }],
  });
  const content = await runner.finalContent();
  assert.deepEqual(seen, ['Paris']);
  assert.equal(content, 'tool said: {"city":"Paris","sky":"clear"}');
});

test('errors map to the SDK error classes', async () => {
  const api = client();
  await assert.rejects(
    api.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    (e) => e instanceof OpenAI.NotFoundError && e.code === 'model_not_found' && e.param === 'model',
  );
  await assert.rejects(
    api.chat.completions.create({ model: 'openclaw', messages: [] }),
    (e) => e instanceof OpenAI.BadRequestError && e.param === 'messages' && e.type === 'invalid_request_error',
  );
  await assert.rejects(
    api.chat.completions.create({ model: 'openclaw', n: 2, messages: [{ role: 'user', content: 'hi' }] }),
    (e) => e instanceof OpenAI.BadRequestError && e.param === 'n',
  );
  await assert.rejects(
    api.chat.completions.create({
      model: 'openclaw', messages: [{ role: 'tool', tool_call_id: 'call_nobody', content: 'x' }],
    }),
    (e) => e instanceof OpenAI.BadRequestError && e.param === 'messages',
  );
  await assert.rejects(
    api.chat.completions.create({ model: 'openclaw', messages: [{ role: 'user', content: 'fail' }] }),
    (e) => e instanceof OpenAI.InternalServerError && e.type === 'server_error',
  );
});
