-- Back-channel logout deliveries (OpenID Connect Back-Channel Logout 1.0 section 2.5): one row per relying
-- party to notify, sent by a worker with bounded timeouts and retries with backoff, never on the user's request path.
create table logout_deliveries (
    id               bigserial primary key,
    client_id        text        not null references clients(client_id) on delete cascade,
    sid              text,
    sub              text,
    logout_uri       text        not null,
    logout_token     text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    last_error       text,
    created_at       timestamptz not null default now()
);
create index logout_deliveries_due on logout_deliveries(next_attempt_at) where delivered_at is null and failed_at is null;
