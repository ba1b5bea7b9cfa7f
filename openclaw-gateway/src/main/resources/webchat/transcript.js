// Renders the conversation: history messages, streamed replies (cumulative text, replaced on every delta) and
// collapsible tool calls. Model text only ever reaches the DOM through textContent / text nodes.

/** Builds an element with a class and optional attributes. */
function el(tag, className, attrs = {}) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const [k, v] of Object.entries(attrs)) {
    node.setAttribute(k, v);
  }
  return node;
}

/** The text of a content array (or a plain string), joining its text parts. */
export function textOf(content) {
  if (typeof content === "string") {
    return content;
  }
  if (!Array.isArray(content)) {
    return "";
  }
  return content
    .filter((part) => part && part.type === "text" && typeof part.text === "string")
    .map((part) => part.text)
    .join("");
}

/** Fills `target` with `text`, turning ``` fenced blocks into <pre><code>; everything as text nodes. */
export function renderText(target, text) {
  target.replaceChildren();
  const fence = /```([^\n`]*)\n?([\s\S]*?)(?:```|$)/g;
  let last = 0;
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
    if (m.index > last) {
      target.append(document.createTextNode(text.slice(last, m.index)));
    }
    const pre = el("pre", "code-block");
    const code = el("code");
    code.textContent = m[2];
    if (m[1].trim()) {
      pre.dataset.lang = m[1].trim();
    }
    pre.append(code);
    target.append(pre);
    last = fence.lastIndex;
    if (m[0].length === 0) {
      fence.lastIndex++;
    }
  }
  if (last < text.length) {
    target.append(document.createTextNode(text.slice(last)));
  }
}

function pretty(value) {
  if (value === undefined || value === null) {
    return "";
  }
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch (e) {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

function timeLabel(ms) {
  if (!ms) {
    return "";
  }
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** The conversation view of one session. */
export class Transcript {
  constructor(container) {
    this.container = container;
    this.runs = new Map();
    this.tools = new Map();
  }

  clear() {
    this.container.replaceChildren();
    this.runs.clear();
    this.tools.clear();
  }

  /** Renders chat.history messages (user, assistant with text and toolCall parts, toolResult). */
  showHistory(messages) {
    this.clear();
    for (const message of messages) {
      this.addHistoryMessage(message);
    }
    if (messages.length === 0) {
      const empty = el("p", "empty", { "data-testid": "empty-transcript" });
      empty.textContent = "No messages yet. Say hello.";
      this.container.append(empty);
    }
    this.scrollToEnd(true);
  }

  addHistoryMessage(message) {
    if (message.role === "user") {
      this.addBubble("user", textOf(message.content), message.timestamp);
    } else if (message.role === "assistant") {
      const parts = Array.isArray(message.content) ? message.content : [{ type: "text", text: textOf(message.content) }];
      let text = "";
      for (const part of parts) {
        if (part.type === "text") {
          text += part.text || "";
        } else if (part.type === "toolCall") {
          this.toolBlock(this.container, part.id, part.name).setArgs(part.arguments).setState("done");
        }
      }
      if (message.stopReason === "error") {
        const bubble = this.addBubble("assistant", text, message.timestamp);
        bubble.classList.add("msg-error");
        bubble.dataset.state = "error";
        const note = el("div", "msg-note", { "data-testid": "message-note" });
        note.textContent = message.errorMessage || "The run failed.";
        bubble.append(note);
      } else if (text) {
        this.addBubble("assistant", text, message.timestamp);
      }
    } else if (message.role === "toolResult") {
      const block = this.toolBlock(this.container, message.toolCallId, message.toolName);
      block.setResult(textOf(message.content), message.isError === true);
    }
  }

  /** A finished message bubble; returns it. */
  addBubble(role, text, timestamp) {
    this.removeEmptyNote();
    const bubble = el("article", `msg msg-${role}`, { "data-testid": `message-${role}`, "data-role": role });
    const meta = el("div", "msg-meta");
    meta.textContent = (role === "user" ? "You" : "Assistant") + (timestamp ? ` · ${timeLabel(timestamp)}` : "");
    const body = el("div", "msg-text", { "data-testid": "message-text" });
    renderText(body, text);
    bubble.append(meta, body);
    this.container.append(bubble);
    this.scrollToEnd(role === "user");
    return bubble;
  }

  /** The live view of one run: tool calls first, then the streamed reply bubble. Created on first use. */
  run(runId) {
    let run = this.runs.get(runId);
    if (!run) {
      this.removeEmptyNote();
      const turn = el("div", "turn", { "data-run-id": runId });
      const tools = el("div", "turn-tools");
      const bubble = el("article", "msg msg-assistant streaming", {
        "data-testid": "message-assistant",
        "data-role": "assistant",
        "data-state": "streaming",
        "aria-busy": "true",
      });
      const meta = el("div", "msg-meta");
      meta.textContent = "Assistant";
      const body = el("div", "msg-text", { "data-testid": "message-text" });
      const note = el("div", "msg-note", { "data-testid": "message-note" });
      note.hidden = true;
      bubble.append(meta, body, note);
      turn.append(tools, bubble);
      this.container.append(turn);
      run = { turn, tools, bubble, body, note, seq: -1, text: "" };
      this.runs.set(runId, run);
    }
    return run;
  }

  /** Applies a chat event (cumulative text); returns true when the run has ended. */
  applyChat(payload) {
    const run = this.run(payload.runId);
    if (typeof payload.seq === "number") {
      if (payload.seq < run.seq) {
        return false;
      }
      run.seq = payload.seq;
    }
    const text = payload.message ? textOf(payload.message.content) : null;
    if (text !== null && text !== run.text) {
      run.text = text;
      renderText(run.body, text);
    }
    const state = payload.state;
    if (state === "delta") {
      this.scrollToEnd(false);
      return false;
    }
    run.bubble.classList.remove("streaming");
    run.bubble.dataset.state = state;
    run.bubble.removeAttribute("aria-busy");
    if (state === "final" && !run.text) {
      run.bubble.hidden = true; // a silent reply (e.g. NO_REPLY) or a tools-only turn
    }
    if (state === "aborted") {
      this.note(run, "Stopped.");
    } else if (state === "error") {
      run.bubble.classList.add("msg-error");
      this.note(run, payload.errorMessage || "The run failed.");
    } else if (state === "final" && payload.message && payload.message.timestamp) {
      run.bubble.querySelector(".msg-meta").textContent = `Assistant · ${timeLabel(payload.message.timestamp)}`;
    }
    this.scrollToEnd(false);
    return true;
  }

  note(run, text) {
    run.note.textContent = text;
    run.note.hidden = false;
    run.bubble.hidden = false;
  }

  /** Applies an agent event of stream "tool" (phase start / result). */
  applyTool(payload) {
    const data = payload.data || {};
    const run = this.run(payload.runId);
    const block = this.toolBlock(run.tools, data.toolCallId, data.name);
    if (data.phase === "start") {
      block.setArgs(data.args).setState("running");
    } else if (data.phase === "result") {
      block.setResult(typeof data.result === "string" ? data.result : pretty(data.result), data.isError === true);
    }
    this.scrollToEnd(false);
  }

  /** Marks every unfinished run as interrupted (the socket dropped; history will be reloaded). */
  interruptRuns() {
    for (const run of this.runs.values()) {
      if (run.bubble.dataset.state === "streaming") {
        run.bubble.dataset.state = "interrupted";
        run.bubble.classList.remove("streaming");
        run.bubble.removeAttribute("aria-busy");
      }
    }
  }

  toolBlock(parent, id, name) {
    const key = id || `anon-${this.tools.size}`;
    let block = this.tools.get(key);
    if (!block) {
      block = new ToolBlock(key, name || "tool");
      parent.append(block.root);
      this.tools.set(key, block);
    }
    return block;
  }

  removeEmptyNote() {
    const empty = this.container.querySelector(".empty");
    if (empty) {
      empty.remove();
    }
  }

  scrollToEnd(force) {
    const c = this.container;
    const nearBottom = c.scrollHeight - c.scrollTop - c.clientHeight < 120;
    if (force || nearBottom) {
      c.scrollTop = c.scrollHeight;
    }
  }
}

/** A collapsible tool call: name and state in the summary; arguments and result inside. */
class ToolBlock {
  constructor(id, name) {
    this.root = el("details", "tool-call", { "data-testid": "tool-call", "data-tool-call-id": id, "data-tool-name": name });
    const summary = el("summary", "tool-summary");
    const icon = el("span", "tool-icon", { "aria-hidden": "true" });
    icon.textContent = "\u2699";
    const label = el("span", "tool-name", { "data-testid": "tool-name" });
    label.textContent = name;
    this.stateLabel = el("span", "tool-state", { "data-testid": "tool-state" });
    summary.append(icon, label, this.stateLabel);
    const args = el("div", "tool-section");
    const argsHead = el("div", "tool-section-head");
    argsHead.textContent = "Arguments";
    this.args = el("pre", "tool-args", { "data-testid": "tool-args" });
    args.append(argsHead, this.args);
    this.resultSection = el("div", "tool-section");
    const resultHead = el("div", "tool-section-head");
    resultHead.textContent = "Result";
    this.result = el("pre", "tool-result", { "data-testid": "tool-result" });
    this.resultSection.append(resultHead, this.result);
    this.resultSection.hidden = true;
    this.root.append(summary, args, this.resultSection);
    this.setState("running");
  }

  setArgs(args) {
    this.args.textContent = pretty(args) || "{}";
    return this;
  }

  setState(state) {
    this.root.dataset.state = state;
    this.stateLabel.textContent = { running: "running\u2026", done: "done", error: "failed" }[state] || state;
    return this;
  }

  setResult(text, isError) {
    this.result.textContent = text;
    this.resultSection.hidden = false;
    return this.setState(isError ? "error" : "done");
  }
}
