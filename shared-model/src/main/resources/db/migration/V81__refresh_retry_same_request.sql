-- A rotated refresh token may be retried only as the same request (RFC 9700 4.14.2, issue 16.8): rotation_request
-- is the SHA-256 of what the rotating request asked for (its effective scope). A retry inside the grace period with
-- the same request gets the same successor again (derived from the presented value, never stored); anything else is
-- reuse and revokes the family. retried_at records the latest retry.
alter table refresh_tokens add column rotation_request text;
