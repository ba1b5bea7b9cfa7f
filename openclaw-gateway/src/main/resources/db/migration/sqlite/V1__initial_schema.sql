-- OpenClaw state store, SQLite dialect. Timestamps are epoch milliseconds (UTC) so both dialects agree.

CREATE TABLE instance (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    instance_id     TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    last_started_at INTEGER NOT NULL,
    version         TEXT    NOT NULL
);

CREATE TABLE agents (
    id           TEXT    PRIMARY KEY,
    display_name TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

-- No foreign key to agents: agents usually come from config and need no row here.
CREATE TABLE agent_bindings (
    agent_id   TEXT    NOT NULL,
    channel    TEXT    NOT NULL,
    account_id TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (agent_id, channel, account_id)
);

CREATE TABLE sessions (
    session_key TEXT    PRIMARY KEY CHECK (length(session_key) BETWEEN 1 AND 512),
    agent_id    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    entry_count INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX sessions_by_updated ON sessions (updated_at DESC, session_key);

CREATE TABLE transcript_entries (
    session_key TEXT    NOT NULL REFERENCES sessions (session_key) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    role        TEXT    NOT NULL,
    content     TEXT    NOT NULL CHECK (json_valid(content)),
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (session_key, seq)
);

-- Transcripts are append-only: rows may be inserted and (with their session) deleted, never changed.
CREATE TRIGGER transcript_entries_append_only
BEFORE UPDATE ON transcript_entries
BEGIN
    SELECT RAISE(ABORT, 'transcript entries are append-only');
END;

CREATE TABLE key_values (
    namespace  TEXT    NOT NULL,
    item_key   TEXT    NOT NULL,
    item_value TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (namespace, item_key)
);
