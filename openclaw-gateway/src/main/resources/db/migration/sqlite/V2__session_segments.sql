-- Session lifecycle: a session's transcript is split into conversations ("segments"). A reset or an expiry starts a
-- new one without deleting anything: history_from is the transcript seq after which the current conversation starts,
-- segment_started_at (epoch ms) is when it started. Existing sessions keep their whole transcript as the current
-- conversation, started when the session was created.

ALTER TABLE sessions ADD COLUMN history_from INTEGER NOT NULL DEFAULT 0;

ALTER TABLE sessions ADD COLUMN segment_started_at INTEGER NOT NULL DEFAULT 0;

UPDATE sessions SET segment_started_at = created_at;
