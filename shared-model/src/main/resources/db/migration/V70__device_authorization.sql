-- V70: device authorization grant (RFC 8628) and pushed authorization requests (RFC 9126).

-- 1. What the ID token of a device authorization needs (OIDC Core 2), copied from the SSO session in which the user
--    approved the device: auth_time, acr, amr, sid. user_id and grant_id exist since V1. user_code holds the
--    normalized code (no separator, upper case).
alter table device_codes add column auth_time timestamptz;
alter table device_codes add column acr text;
alter table device_codes add column amr text[] not null default '{}';
alter table device_codes add column sid text;
create index device_codes_expiry on device_codes(expires_at);

-- 2. The login page serves the device verification page too (RFC 8628 3.3): a pending request that verifies a
--    device code references it, and the user comes back to the device pages after logging in. redirect_uri then
--    holds the page the user returns to.
alter table authorization_requests add column device_code_hash text
    references device_codes(device_code_hash) on delete cascade;

-- 3. Pushed requests are looked up by request_uri and deleted once expired.
create index pushed_requests_expiry on pushed_requests(expires_at);
