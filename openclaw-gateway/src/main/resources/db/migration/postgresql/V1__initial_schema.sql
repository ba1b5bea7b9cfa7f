-- OpenClaw state store, PostgreSQL dialect. Timestamps are epoch milliseconds (UTC) so both dialects agree.

CREATE TABLE instance (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    instance_id     TEXT   NOT NULL,
    created_at      BIGINT NOT NULL,
    last_started_at BIGINT NOT NULL,
    version         TEXT   NOT NULL
);

CREATE TABLE agents (
    id           TEXT   PRIMARY KEY,
    display_name TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);

-- No foreign key to agents: agents usually come from config and need no row here.
CREATE TABLE agent_bindings (
    agent_id   TEXT   NOT NULL,
    channel    TEXT   NOT NULL,
    account_id TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (agent_id, channel, account_id)
);

CREATE TABLE sessions (
    session_key VARCHAR(512) PRIMARY KEY CHECK (length(session_key) >= 1),
    agent_id    TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    entry_count BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX sessions_by_updated ON sessions (updated_at DESC, session_key);

-- json (not jsonb) keeps the caller's text byte for byte while still rejecting invalid JSON.
CREATE TABLE transcript_entries (
    session_key VARCHAR(512) NOT NULL REFERENCES sessions (session_key) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
    role        TEXT   NOT NULL,
    content     JSON   NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (session_key, seq)
);

-- Transcripts are append-only: rows may be inserted and (with their session) deleted, never changed.
CREATE FUNCTION transcript_entries_reject_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'transcript entries are append-only';
END;
$$;

CREATE TRIGGER transcript_entries_append_only
BEFORE UPDATE ON transcript_entries
FOR EACH ROW EXECUTE FUNCTION transcript_entries_reject_update();

CREATE TABLE key_values (
    namespace  TEXT   NOT NULL,
    item_key   TEXT   NOT NULL,
    item_value TEXT   NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (namespace, item_key)
);
