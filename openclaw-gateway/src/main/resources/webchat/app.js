// WebChat page wiring: token dialog, agent and session pickers, history, sending, streaming and Stop.
import { GatewayClient, uuid } from "./client.js";
import { Transcript, textOf } from "./transcript.js";

const TOKEN_KEY = "openclaw.webchat.token";
const AGENT_KEY = "openclaw.webchat.agent";
const SESSION_KEY_PREFIX = "openclaw.webchat.session.";

const $ = (id) => document.getElementById(id);
const ui = {
  status: $("connection-status"),
  agentSelect: $("agent-select"),
  tokenButton: $("token-button"),
  sessionList: $("session-list"),
  refreshSessions: $("refresh-sessions"),
  sessionTitle: $("session-title"),
  banner: $("error-banner"),
  messages: $("messages"),
  composer: $("composer"),
  input: $("message-input"),
  send: $("send-button"),
  stop: $("stop-button"),
  tokenDialog: $("token-dialog"),
  tokenForm: $("token-form"),
  tokenInput: $("token-input"),
  tokenError: $("token-error"),
};

const state = {
  client: null,
  agents: [],
  mainKey: "main",
  agentId: null,
  sessionKey: null,
  activeRuns: new Set(),
  resets: new Map(),
};
const RESET_COMMAND = /^\/(new|reset)\s*$|^\/session\s+(reset|new)\s*$/i;
const transcript = new Transcript(ui.messages);

const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch (e) {
      // private mode: the value lives for this page only
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch (e) {
      // nothing stored
    }
  },
};

function showBanner(text) {
  ui.banner.textContent = text;
  ui.banner.hidden = !text;
}

function setStatus(kind, text) {
  ui.status.dataset.state = kind;
  ui.status.textContent = text;
  updateComposer();
}

function updateComposer() {
  const connected = state.client !== null && state.client.connected;
  ui.send.disabled = !connected || state.sessionKey === null;
  ui.stop.hidden = state.activeRuns.size === 0;
}

function askForToken(message) {
  ui.tokenError.textContent = message || "";
  ui.tokenError.hidden = !message;
  ui.tokenInput.value = "";
  if (!ui.tokenDialog.open) {
    ui.tokenDialog.showModal();
  }
  ui.tokenInput.focus();
}

function connect(token) {
  if (state.client) {
    state.client.stop();
  }
  const url = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/`;
  state.client = new GatewayClient({ url, token, onState: clientState, onHello: hello, onEvent: gatewayEvent });
  state.client.start();
}

function clientState(kind, detail) {
  if (kind === "connecting") {
    setStatus("connecting", "Connecting\u2026");
  } else if (kind === "connected") {
    setStatus("connected", "Connected");
    showBanner("");
  } else if (kind === "reconnecting") {
    transcript.interruptRuns();
    state.activeRuns.clear();
    const seconds = detail && detail.delayMs ? Math.ceil(detail.delayMs / 1000) : 0;
    const why = detail && detail.error && detail.error.message ? ` (${detail.error.message})` : "";
    setStatus("reconnecting", seconds ? `Reconnecting in ${seconds} s${why}` : "Reconnecting\u2026");
    if (detail && detail.neverOpened && detail.attempt >= 3) {
      showBanner(
        `Cannot open the gateway's WebSocket at ${location.host}. If the gateway is running, this page's address ` +
          "may not be an allowed origin: add it to [gateway.controlUi] allowedOrigins in openclaw.toml.",
      );
    }
  } else if (kind === "auth-failed") {
    storage.remove(TOKEN_KEY);
    setStatus("error", "Token rejected");
    const code = detail && detail.details && detail.details.code;
    askForToken(
      code === "AUTH_TOKEN_MISSING" ? "The gateway needs a token." : "The gateway rejected this token. Try again.",
    );
  } else if (kind === "closed") {
    setStatus("idle", "Not connected");
  }
}

async function hello(helloPayload) {
  const defaults = (helloPayload.snapshot && helloPayload.snapshot.sessionDefaults) || {};
  try {
    const list = await state.client.request("agents.list", {});
    state.agents = Array.isArray(list.agents) ? list.agents : [];
    state.mainKey = list.mainKey || defaults.mainKey || "main";
    const defaultId = list.defaultId || defaults.defaultAgentId || (state.agents[0] && state.agents[0].id) || "main";
    const stored = storage.get(AGENT_KEY);
    const agentId = state.agents.some((a) => a.id === stored) ? stored : defaultId;
    fillAgents(agentId);
    await selectAgent(agentId, state.agentId === agentId ? state.sessionKey : null);
  } catch (e) {
    showBanner(`Could not load agents: ${e.message}`);
  }
}

function fillAgents(selected) {
  ui.agentSelect.replaceChildren();
  const agents = state.agents.length ? state.agents : [{ id: selected, name: selected }];
  for (const agent of agents) {
    const option = document.createElement("option");
    option.value = agent.id;
    option.textContent = agent.name && agent.name !== agent.id ? `${agent.name} (${agent.id})` : agent.id;
    ui.agentSelect.append(option);
  }
  ui.agentSelect.value = selected;
  ui.agentSelect.disabled = false;
}

function mainSessionKey(agentId) {
  return `agent:${agentId}:${state.mainKey}`;
}

async function selectAgent(agentId, sessionKey) {
  state.agentId = agentId;
  storage.set(AGENT_KEY, agentId);
  const remembered = storage.get(SESSION_KEY_PREFIX + agentId);
  const key = sessionKey || (remembered && remembered.startsWith(`agent:${agentId}:`) ? remembered : null);
  await openSession(key || mainSessionKey(agentId));
}

async function openSession(key) {
  state.sessionKey = key;
  state.activeRuns.clear();
  storage.set(SESSION_KEY_PREFIX + state.agentId, key);
  ui.sessionTitle.textContent = key;
  updateComposer();
  await Promise.all([loadHistory(), loadSessions()]);
}

async function loadHistory() {
  const key = state.sessionKey;
  try {
    const history = await state.client.request("chat.history", { sessionKey: key, limit: 200 });
    if (key === state.sessionKey) {
      transcript.showHistory(Array.isArray(history.messages) ? history.messages : []);
    }
  } catch (e) {
    showBanner(`Could not load the history: ${e.message}`);
  }
}

async function loadSessions() {
  const agentId = state.agentId;
  let sessions = [];
  try {
    const list = await state.client.request("sessions.list", { agentId, limit: 50 });
    sessions = Array.isArray(list.sessions) ? list.sessions : [];
  } catch (e) {
    showBanner(`Could not list sessions: ${e.message}`);
  }
  if (agentId !== state.agentId) {
    return;
  }
  sessions = sessions.filter((s) => !s.agentId || s.agentId === agentId);
  for (const key of [mainSessionKey(agentId), state.sessionKey]) {
    if (!sessions.some((s) => s.key === key)) {
      sessions.unshift({ key, messages: 0 });
    }
  }
  renderSessions(sessions);
}

function renderSessions(sessions) {
  ui.sessionList.replaceChildren();
  const prefix = `agent:${state.agentId}:`;
  for (const session of sessions) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "session";
    button.dataset.testid = "session-item";
    button.dataset.sessionKey = session.key;
    if (session.key === state.sessionKey) {
      button.setAttribute("aria-current", "true");
    }
    const name = document.createElement("span");
    name.className = "session-name";
    name.textContent = session.key.startsWith(prefix) ? session.key.slice(prefix.length) : session.key;
    const meta = document.createElement("span");
    meta.className = "session-meta";
    const count = typeof session.messages === "number" ? `${session.messages} msg` : "";
    const when = session.updatedAt ? new Date(session.updatedAt).toLocaleString() : "new";
    meta.textContent = [count, when, session.expired ? "expired" : ""].filter(Boolean).join(" \u00b7 ");
    button.title = session.key;
    button.append(name, meta);
    button.addEventListener("click", () => {
      if (session.key !== state.sessionKey) {
        openSession(session.key);
      }
    });
    item.append(button);
    ui.sessionList.append(item);
  }
}

function gatewayEvent(name, payload) {
  if (payload.sessionKey && payload.sessionKey !== state.sessionKey) {
    return;
  }
  if (name === "chat") {
    if (payload.state === "delta") {
      state.activeRuns.add(payload.runId);
    }
    if (transcript.applyChat(payload)) {
      state.activeRuns.delete(payload.runId);
      const command = state.resets.get(payload.runId);
      state.resets.delete(payload.runId);
      if (command !== undefined && payload.state === "final") {
        showAfterReset(command, payload);
      }
      loadSessions();
    }
    updateComposer();
  } else if (name === "agent" && payload.stream === "tool") {
    state.activeRuns.add(payload.runId);
    transcript.applyTool(payload);
    updateComposer();
  }
}

/** After /new, /reset or /session reset: the fresh conversation, with the command and its answer below it. */
async function showAfterReset(command, payload) {
  await loadHistory();
  const answer = payload.message ? textOf(payload.message.content) : "";
  transcript.addBubble("user", command, Date.now());
  if (answer) {
    transcript.addBubble("assistant", answer, payload.message.timestamp).dataset.state = "final";
  }
}

async function sendMessage() {
  const text = ui.input.value;
  if (!text.trim() || ui.send.disabled) {
    return;
  }
  const runId = uuid();
  const sessionKey = state.sessionKey;
  ui.input.value = "";
  transcript.addBubble("user", text, Date.now());
  state.activeRuns.add(runId);
  if (RESET_COMMAND.test(text.trim())) {
    state.resets.set(runId, text.trim());
  }
  transcript.run(runId);
  updateComposer();
  try {
    await state.client.request("chat.send", { sessionKey, message: text, idempotencyKey: runId });
  } catch (e) {
    state.activeRuns.delete(runId);
    transcript.applyChat({ runId, state: "error", errorMessage: `Not sent: ${e.message}` });
    updateComposer();
  }
}

async function stopRuns() {
  if (!state.client || !state.client.connected) {
    return;
  }
  try {
    await state.client.request("chat.abort", { sessionKey: state.sessionKey });
  } catch (e) {
    showBanner(`Could not stop the run: ${e.message}`);
  }
}

ui.composer.addEventListener("submit", (e) => {
  e.preventDefault();
  sendMessage();
});
ui.input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    sendMessage();
  } else if (e.key === "Escape" && state.activeRuns.size > 0) {
    e.preventDefault();
    stopRuns();
  }
});
ui.stop.addEventListener("click", stopRuns);
ui.agentSelect.addEventListener("change", () => selectAgent(ui.agentSelect.value, null));
ui.refreshSessions.addEventListener("click", () => {
  if (state.client && state.client.connected) {
    loadSessions();
  }
});
ui.tokenButton.addEventListener("click", () => askForToken(""));
ui.tokenForm.addEventListener("submit", (e) => {
  const token = ui.tokenInput.value.trim();
  if (!token) {
    e.preventDefault();
    return;
  }
  storage.set(TOKEN_KEY, token);
  ui.tokenInput.value = "";
  connect(token);
});
ui.tokenDialog.addEventListener("cancel", (e) => {
  if (!storage.get(TOKEN_KEY)) {
    e.preventDefault();
  }
});

const savedToken = storage.get(TOKEN_KEY);
if (savedToken) {
  connect(savedToken);
} else {
  setStatus("idle", "Not connected");
  askForToken("");
}
