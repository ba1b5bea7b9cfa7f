// The Assistants API v2 through the official SDK's client.beta.* resources and helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { client, baseURL, apiKey } from '../lib/client.mjs';

const openai = client();
const poll = { pollIntervalMs: 20 };
const lookup = {
  type: 'function',
  function: { name: 'lookup', description: 'Looks up a word', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
};

const textOf = (message) => message.content[0].text.value;

test('assistants are created, retrieved, updated, listed and deleted', async () => {
  const a = await openai.beta.assistants.create({
    model: 'openclaw/research-bot',
    name: 'SDK helper',
    instructions: 'Answer briefly.',
    tools: [lookup],
    metadata: { suite: 'sdk' },
  });
  assert.match(a.id, /^asst_/);
  assert.equal(a.object, 'assistant');
  assert.equal(a.tools[0].function.name, 'lookup');
  assert.equal((await openai.beta.assistants.retrieve(a.id)).instructions, 'Answer briefly.');
  const updated = await openai.beta.assistants.update(a.id, { name: 'renamed' });
  assert.equal(updated.name, 'renamed');
  const ids = [];
  for await (const x of openai.beta.assistants.list({ limit: 2 })) ids.push(x.id);
  assert.ok(ids.includes(a.id));
  const deleted = await openai.beta.assistants.delete(a.id);
  assert.deepEqual(deleted, { id: a.id, object: 'assistant.deleted', deleted: true });
  await assert.rejects(openai.beta.assistants.retrieve(a.id), OpenAI.NotFoundError);
});

test('an unknown model is a NotFoundError and a code_interpreter tool a BadRequestError', async () => {
  await assert.rejects(openai.beta.assistants.create({ model: 'gpt-4o' }), (e) => e instanceof OpenAI.NotFoundError && e.code === 'model_not_found');
  await assert.rejects(
    openai.beta.assistants.create({ model: 'openclaw', tools: [{ type: 'code_interpreter' }] }),
    (e) => e instanceof OpenAI.BadRequestError && e.param === 'tools[0].type',
  );
});

test('a call without the OpenAI-Beta header is a 400', async () => {
  const r = await fetch(`${baseURL}/assistants`, { headers: { Authorization: `Bearer ${apiKey}` } });
  assert.equal(r.status, 400);
  assert.equal((await r.json()).error.code, 'missing_beta_header');
});

test('threads and messages: create, list with for-await pagination, retrieve, update, delete', async () => {
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'first' }], metadata: { k: 'v' } });
  assert.match(thread.id, /^thread_/);
  assert.equal((await openai.beta.threads.retrieve(thread.id)).metadata.k, 'v');
  assert.equal((await openai.beta.threads.update(thread.id, { metadata: { k: 'w' } })).metadata.k, 'w');
  for (let i = 0; i < 4; i++) {
    await openai.beta.threads.messages.create(thread.id, { role: 'user', content: [{ type: 'text', text: `m${i}` }] });
  }
  const texts = [];
  for await (const m of openai.beta.threads.messages.list(thread.id, { order: 'asc', limit: 2 })) texts.push(textOf(m));
  assert.deepEqual(texts, ['first', 'm0', 'm1', 'm2', 'm3']);
  const page = await openai.beta.threads.messages.list(thread.id, { limit: 2 });
  assert.equal(page.data.length, 2);
  assert.equal(page.hasNextPage(), true);
  assert.equal(textOf(page.data[0]), 'm3');
  const one = page.data[1];
  assert.equal(textOf(await openai.beta.threads.messages.retrieve(one.id, { thread_id: thread.id })), 'm2');
  const changed = await openai.beta.threads.messages.update(one.id, { thread_id: thread.id, metadata: { seen: 'yes' } });
  assert.equal(changed.metadata.seen, 'yes');
  const gone = await openai.beta.threads.messages.delete(one.id, { thread_id: thread.id });
  assert.equal(gone.deleted, true);
  await assert.rejects(openai.beta.threads.messages.retrieve(one.id, { thread_id: thread.id }), OpenAI.NotFoundError);
  assert.equal((await openai.beta.threads.delete(thread.id)).deleted, true);
  await assert.rejects(openai.beta.threads.retrieve(thread.id), OpenAI.NotFoundError);
});

test('runs.createAndPoll completes and the answer is the newest message', async () => {
  const asst = await openai.beta.assistants.create({ model: 'openclaw', instructions: 'Be kind.' });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'hello sdk' }] });
  const run = await openai.beta.threads.runs.createAndPoll(thread.id, { assistant_id: asst.id }, poll);
  assert.equal(run.status, 'completed');
  assert.equal(run.usage.total_tokens, 10);
  const messages = await openai.beta.threads.messages.list(thread.id, { run_id: run.id });
  assert.equal(textOf(messages.data[0]), 'echo: hello sdk');
  assert.equal(messages.data[0].assistant_id, asst.id);
  const again = await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
  assert.equal(again.status, 'completed');
  const steps = await openai.beta.threads.runs.steps.list(run.id, { thread_id: thread.id });
  assert.equal(steps.data[0].step_details.type, 'message_creation');
  const updated = await openai.beta.threads.runs.update(run.id, { thread_id: thread.id, metadata: { tag: 'x' } });
  assert.equal(updated.metadata.tag, 'x');
  const runs = [];
  for await (const r of openai.beta.threads.runs.list(thread.id)) runs.push(r.id);
  assert.deepEqual(runs, [run.id]);
});

test('requires_action, then submitToolOutputsAndPoll completes the run', async () => {
  const asst = await openai.beta.assistants.create({ model: 'openclaw', tools: [lookup] });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'call lookup {"q":"word"}' }] });
  const run = await openai.beta.threads.runs.createAndPoll(thread.id, { assistant_id: asst.id }, poll);
  assert.equal(run.status, 'requires_action');
  const call = run.required_action.submit_tool_outputs.tool_calls[0];
  assert.equal(call.function.name, 'lookup');
  assert.deepEqual(JSON.parse(call.function.arguments), { q: 'word' });
  const done = await openai.beta.threads.runs.submitToolOutputsAndPoll(
    run.id,
    { thread_id: thread.id, tool_outputs: [{ tool_call_id: call.id, output: 'a definition' }] },
    poll,
  );
  assert.equal(done.status, 'completed');
  const [answer] = (await openai.beta.threads.messages.list(thread.id, { limit: 1 })).data;
  assert.equal(textOf(answer), 'tool said: a definition');
  await assert.rejects(
    openai.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: [{ tool_call_id: call.id, output: 'late' }] }),
    (e) => e instanceof OpenAI.BadRequestError && e.code === 'invalid_state',
  );
});

test('runs.stream delivers text deltas and the final run; submitToolOutputsStream continues', async () => {
  const asst = await openai.beta.assistants.create({ model: 'openclaw', tools: [lookup] });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'streamed words' }] });
  let text = '';
  const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: asst.id }).on('textDelta', (d) => {
    text += d.value;
  });
  const run = await stream.finalRun();
  assert.equal(run.status, 'completed');
  assert.equal(text, 'echo: streamed words');
  const [message] = await stream.finalMessages();
  assert.equal(textOf(message), 'echo: streamed words');

  await openai.beta.threads.messages.create(thread.id, { role: 'user', content: 'call lookup {}' });
  const waiting = await openai.beta.threads.runs.stream(thread.id, { assistant_id: asst.id }).finalRun();
  assert.equal(waiting.status, 'requires_action');
  const callId = waiting.required_action.submit_tool_outputs.tool_calls[0].id;
  const cont = openai.beta.threads.runs.submitToolOutputsStream(waiting.id, {
    thread_id: thread.id,
    tool_outputs: [{ tool_call_id: callId, output: 'streamed output' }],
  });
  const events = [];
  for await (const e of cont) events.push(e.event);
  assert.equal(events.at(-1), 'thread.run.completed');
  const [answer] = (await openai.beta.threads.messages.list(thread.id, { limit: 1 })).data;
  assert.equal(textOf(answer), 'tool said: streamed output');
});

test('createAndRun, createAndRunPoll and createAndRunStream', async () => {
  const raw = await openai.beta.threads.createAndRun({
    assistant_id: 'openclaw/research-bot',
    thread: { messages: [{ role: 'user', content: 'system?' }] },
  });
  assert.match(raw.thread_id, /^thread_/);
  const done = await openai.beta.threads.runs.poll(raw.id, { thread_id: raw.thread_id }, poll);
  assert.equal(done.status, 'completed');
  const [answer] = (await openai.beta.threads.messages.list(raw.thread_id)).data;
  assert.equal(textOf(answer), 'You research.');

  const polled = await openai.beta.threads.createAndRunPoll(
    { assistant_id: 'openclaw', thread: { messages: [{ role: 'user', content: 'polled' }] } },
    poll,
  );
  assert.equal(polled.status, 'completed');

  const events = [];
  const stream = await openai.beta.threads.createAndRun({
    assistant_id: 'openclaw',
    stream: true,
    thread: { messages: [{ role: 'user', content: 'raw stream' }] },
  });
  for await (const e of stream) events.push(e.event);
  assert.equal(events[0], 'thread.created');
  assert.equal(events.at(-1), 'thread.run.completed');

  let text = '';
  const helper = openai.beta.threads.createAndRunStream({
    assistant_id: 'openclaw',
    thread: { messages: [{ role: 'user', content: 'helper stream' }] },
  });
  helper.on('textDelta', (d) => {
    text += d.value;
  });
  assert.equal((await helper.finalRun()).status, 'completed');
  assert.equal(text, 'echo: helper stream');
});

test('a slow run is cancelled', async () => {
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'please be slow' }] });
  const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: 'openclaw' });
  let current = run;
  while (current.status === 'queued') {
    current = await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
  }
  const cancelling = await openai.beta.threads.runs.cancel(run.id, { thread_id: thread.id });
  assert.ok(['cancelling', 'cancelled'].includes(cancelling.status));
  const end = await openai.beta.threads.runs.poll(run.id, { thread_id: thread.id }, poll);
  assert.equal(end.status, 'cancelled');
  await assert.rejects(openai.beta.threads.runs.retrieve('run_missing', { thread_id: thread.id }), OpenAI.NotFoundError);
});
