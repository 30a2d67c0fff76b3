-- The session expiry job (authorize-service SessionExpiry) looks for sessions not ended yet whose idle or absolute
-- limit has passed; this partial index keeps that scan to the open sessions.
create index sessions_open_last_seen on sessions(last_seen_at) where ended_at is null;
create index sessions_open_expires on sessions(expires_at) where ended_at is null;
