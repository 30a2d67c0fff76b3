-- V30: the authorization endpoint's state between pages (issue 4).
-- 1. Pending authorization requests: the verified request kept server-side while the user logs in and consents.
--    Bound to the browser (browser_hash = SHA-256 of the GH_AUTHZ cookie), short-lived, single use (consumed_at
--    set by one conditional update). The response issued is kept encrypted (AES-GCM under the key-encryption
--    key) until expiry, so a form posted twice answers with the same response and never issues a second code.
create table authorization_requests (
    id                text primary key,                 -- random 256-bit, carried in the page's form
    browser_hash      text        not null,
    csrf_hash         text,                             -- SHA-256 of the CSRF token of the page last shown
    client_id         text        not null references clients(client_id) on delete cascade,
    redirect_uri      text        not null,             -- the verified redirect_uri
    parameters        jsonb       not null,             -- the assembled request parameters
    user_id           uuid references users(id) on delete cascade,
    authenticated_at  timestamptz,                      -- the user logged in for this request (prompt=login, max_age)
    created_at        timestamptz not null default now(),
    expires_at        timestamptz not null,
    consumed_at       timestamptz,
    response_enc      bytea
);
create index authorization_requests_expiry on authorization_requests(expires_at);

-- 2. Failed logins per account and per source address, for growing delays between attempts.
create table login_throttle (
    key              text primary key,                  -- 'user:' || lower(username), or 'ip:' || address
    failures         integer     not null default 0,
    last_failure_at  timestamptz not null,
    blocked_until    timestamptz
);
