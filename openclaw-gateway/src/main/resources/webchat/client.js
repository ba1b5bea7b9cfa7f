// The gateway WebSocket protocol (v3/v4) for the WebChat page: challenge, connect with the shared token,
// req/res correlation, events, keepalive watchdog and reconnect with backoff. No DOM access here.

const PROTOCOL_MIN = 3;
const PROTOCOL_MAX = 4;
const REQUEST_TIMEOUT_MS = 30000;
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 30000;
const HANDSHAKE_TIMEOUT_MS = 15000;

/** Error codes (error.details.code) that mean the token itself is wrong: ask the user again, do not retry. */
export function isTokenRejection(error) {
  const code = error && error.details && error.details.code;
  return typeof code === "string" && code.startsWith("AUTH_TOKEN_");
}

/** A request that the gateway answered with ok:false. */
export class GatewayError extends Error {
  constructor(error) {
    super((error && error.message) || "request failed");
    this.name = "GatewayError";
    this.code = error && error.code;
    this.details = (error && error.details) || {};
    this.retryAfterMs = error && error.retryAfterMs;
  }
}

/** A random v4 UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function uuid() {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One logical connection to the gateway that survives socket drops.
 * Callbacks: onState(state, detail) with state "connecting" | "connected" | "reconnecting" | "auth-failed" |
 * "closed"; onHello(helloPayload); onEvent(name, payload).
 */
export class GatewayClient {
  constructor({ url, token, onState, onHello, onEvent }) {
    this.url = url;
    this.token = token;
    this.onState = onState || (() => {});
    this.onHello = onHello || (() => {});
    this.onEvent = onEvent || (() => {});
    this.ws = null;
    this.nextId = 1;
    this.pending = new Map();
    this.stopped = false;
    this.connected = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.watchdog = null;
    this.tickIntervalMs = 30000;
    this.lastHeard = 0;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  /** Closes for good (no reconnect). */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    if (this.ws) {
      this.ws.close(1000, "client closed");
    }
    this.failPending(new Error("connection closed"));
    this.onState("closed");
  }

  /** Sends a request once connected; resolves with the payload or rejects with a GatewayError. */
  request(method, params = {}, timeoutMs = REQUEST_TIMEOUT_MS) {
    if (!this.connected) {
      return Promise.reject(new Error("not connected to the gateway"));
    }
    return this.send(method, params, timeoutMs);
  }

  send(method, params, timeoutMs) {
    const id = String(this.nextId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      try {
        this.ws.send(JSON.stringify({ type: "req", id, method, params }));
      } catch (e) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(e);
      }
    });
  }

  open() {
    this.connected = false;
    this.onState(this.attempt === 0 ? "connecting" : "reconnecting");
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    let opened = false;
    ws.addEventListener("open", () => {
      opened = true;
    });
    const handshakeTimer = setTimeout(() => ws.close(4008, "handshake timeout"), HANDSHAKE_TIMEOUT_MS);
    ws.addEventListener("message", (e) => this.handleFrame(ws, e.data, handshakeTimer));
    ws.addEventListener("close", (e) => {
      clearTimeout(handshakeTimer);
      if (ws === this.ws) {
        this.socketClosed(e, opened);
      }
    });
  }

  handleFrame(ws, data, handshakeTimer) {
    this.lastHeard = Date.now();
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (frame.type === "res") {
      const waiter = this.pending.get(frame.id);
      if (waiter) {
        this.pending.delete(frame.id);
        clearTimeout(waiter.timer);
        if (frame.ok) {
          waiter.resolve(frame.payload || {});
        } else {
          waiter.reject(new GatewayError(frame.error));
        }
      }
    } else if (frame.type === "event") {
      if (frame.event === "connect.challenge") {
        this.handshake(ws, handshakeTimer);
      } else if (frame.event !== "tick") {
        this.onEvent(frame.event, frame.payload || {});
      }
    }
  }

  handshake(ws, handshakeTimer) {
    const params = {
      minProtocol: PROTOCOL_MIN,
      maxProtocol: PROTOCOL_MAX,
      client: { id: "webchat", version: "1.0", platform: "web", mode: "webchat" },
      role: "operator",
      scopes: ["operator.read", "operator.write", "operator.admin"],
      caps: ["tool-events"],
      auth: { token: this.token },
    };
    this.send("connect", params, HANDSHAKE_TIMEOUT_MS).then(
      (hello) => {
        clearTimeout(handshakeTimer);
        if (ws !== this.ws) {
          return;
        }
        this.connected = true;
        this.attempt = 0;
        const policy = hello.policy || {};
        this.tickIntervalMs = policy.tickIntervalMs || 30000;
        this.startWatchdog(ws);
        this.onState("connected", hello);
        this.onHello(hello);
      },
      (error) => {
        clearTimeout(handshakeTimer);
        if (isTokenRejection(error)) {
          this.stopped = true;
          this.onState("auth-failed", error);
          ws.close(1000, "token rejected");
        } else {
          this.lastError = error;
          ws.close(4008, "handshake failed");
        }
      },
    );
  }

  startWatchdog(ws) {
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => {
      if (Date.now() - this.lastHeard > 2 * this.tickIntervalMs) {
        ws.close(4000, "tick timeout");
      }
    }, Math.min(this.tickIntervalMs, 10000));
  }

  socketClosed(event, opened) {
    clearInterval(this.watchdog);
    this.connected = false;
    this.failPending(new Error("connection lost"));
    if (this.stopped) {
      return;
    }
    this.scheduleReconnect(event, opened);
  }

  scheduleReconnect(event, opened = false) {
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.attempt);
    const retryAfter = (this.lastError && this.lastError.retryAfterMs) || 0;
    const delay = Math.max(retryAfter, Math.round(base * (0.8 + Math.random() * 0.4)));
    this.attempt++;
    this.onState("reconnecting", {
      delayMs: delay,
      code: event && event.code,
      error: this.lastError,
      neverOpened: !opened,
      attempt: this.attempt,
    });
    this.lastError = null;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  failPending(error) {
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.pending.clear();
  }
}
