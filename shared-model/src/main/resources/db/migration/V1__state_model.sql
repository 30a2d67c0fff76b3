-- Gatehouse state model (DESIGN.md "State"). One schema, owned by Flyway; services never create tables.
-- Conventions: secrets, codes and refresh tokens are stored only as SHA-256 hashes (base64url, no padding);
-- times are timestamptz; JSON documents are jsonb.

-- Relying parties (RFC 7591 metadata). Columns hold what the hot paths read; the full registered
-- metadata document is kept in `metadata`.
create table clients (
    client_id                     text primary key,
    secret_hash                   text,                 -- SHA-256 of a high-entropy secret; null for public clients
    client_name                   text,
    redirect_uris                 text[]      not null default '{}',
    post_logout_redirect_uris     text[]      not null default '{}',
    grant_types                   text[]      not null default '{authorization_code}',
    response_types                text[]      not null default '{code}',
    scope                         text        not null default 'openid',
    token_endpoint_auth_method    text        not null default 'client_secret_basic',
    application_type              text        not null default 'web',
    first_party                   boolean     not null default false,
    enabled                       boolean     not null default true,
    registration_token_hash       text,                 -- RFC 7592 registration access token (hashed)
    metadata                      jsonb       not null default '{}'::jsonb,
    created_at                    timestamptz not null default now(),
    updated_at                    timestamptz not null default now(),
    constraint clients_auth_method check (token_endpoint_auth_method in
        ('client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'))
);

-- End users of the PostgreSQL user store. Attributes are directory-style (cn, sn, mail, ...) and become
-- claims through claim_mappings.
create table users (
    id              uuid primary key,
    username        text        not null unique,
    password_hash   text,                               -- PHC string that encodes its algorithm and cost
    enabled         boolean     not null default true,
    attributes      jsonb       not null default '{}'::jsonb,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

-- Attribute-to-claim mapping (LDAP-style: given_name <- givenName). claim may be a dotted path such as
-- address.locality. source_attributes are tried in order; value_type converts the attribute value.
create table claim_mappings (
    claim              text primary key,
    source_attributes  text[] not null,
    value_type         text   not null default 'string',
    constraint claim_mappings_type check (value_type in ('string', 'boolean', 'number', 'epoch_seconds', 'json'))
);

-- SSO sessions. The browser cookie carries a random value whose hash is cookie_hash; sid is the public
-- session id put in ID tokens and logout tokens.
create table sessions (
    sid             text primary key,
    cookie_hash     text        not null unique,
    user_id         uuid        not null references users(id) on delete cascade,
    auth_time       timestamptz not null,
    acr             text,
    amr             text[]      not null default '{}',
    created_at      timestamptz not null default now(),
    last_seen_at    timestamptz not null default now(),
    expires_at      timestamptz not null,
    ended_at        timestamptz
);
create index sessions_user on sessions(user_id);

-- Relying parties that took part in a session (targets of back- and front-channel logout).
create table session_clients (
    sid         text not null references sessions(sid) on delete cascade,
    client_id   text not null references clients(client_id) on delete cascade,
    primary key (sid, client_id)
);

-- Saved consents: one row per user and client with the scopes granted.
create table consents (
    user_id     uuid        not null references users(id) on delete cascade,
    client_id   text        not null references clients(client_id) on delete cascade,
    scopes      text[]      not null,
    granted_at  timestamptz not null default now(),
    primary key (user_id, client_id)
);

-- Grants: one row per authorization (user, client, scopes). Tokens carry the grant id, so revoking the
-- grant revokes every token issued from it without storing access tokens.
create table grants (
    id          uuid primary key,
    user_id     uuid references users(id) on delete cascade,   -- null for client_credentials
    client_id   text        not null references clients(client_id) on delete cascade,
    scope       text        not null,
    sid         text,
    offline     boolean     not null default false,
    auth_time   timestamptz,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz,
    revoked_at  timestamptz
);
create index grants_user_client on grants(user_id, client_id);
create index grants_sid on grants(sid);

-- Authorization codes (RFC 6749 4.1.2): random 256-bit, stored hashed, single use by an atomic
-- conditional update of consumed_at.
create table authorization_codes (
    code_hash              text primary key,
    client_id              text        not null references clients(client_id) on delete cascade,
    user_id                uuid        not null references users(id) on delete cascade,
    redirect_uri           text        not null,
    scope                  text        not null,
    nonce                  text,
    code_challenge         text,
    code_challenge_method  text,
    claims                 jsonb,
    auth_time              timestamptz not null,
    acr                    text,
    amr                    text[]      not null default '{}',
    sid                    text,
    grant_id               uuid        not null,
    created_at             timestamptz not null default now(),
    expires_at             timestamptz not null,
    consumed_at            timestamptz
);
create index authorization_codes_expiry on authorization_codes(expires_at);

-- Refresh tokens: opaque, stored hashed, rotated on use; family_id groups a chain of rotations so that
-- reuse of a rotated token revokes the whole family.
create table refresh_tokens (
    token_hash   text primary key,
    grant_id     uuid        not null references grants(id) on delete cascade,
    family_id    uuid        not null,
    client_id    text        not null references clients(client_id) on delete cascade,
    scope        text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    rotated_at   timestamptz,
    revoked_at   timestamptz
);
create index refresh_tokens_family on refresh_tokens(family_id);
create index refresh_tokens_grant on refresh_tokens(grant_id);

-- Access-token deny-list (RFC 7009): jti kept until the token would have expired anyway.
create table revocations (
    jti         text primary key,
    expires_at  timestamptz not null,
    revoked_at  timestamptz not null default now()
);

-- Signing keys: private part encrypted with AES-256-GCM under the key-encryption key.
-- Lifecycle: next (published, not signing) -> active (signing) -> retired (published until delete_after).
create table signing_keys (
    kid                  text primary key,
    alg                  text        not null,
    state                text        not null,
    public_jwk           jsonb       not null,
    private_key_enc      bytea       not null,
    created_at           timestamptz not null default now(),
    activated_at         timestamptz,
    retired_at           timestamptz,
    delete_after         timestamptz,
    constraint signing_keys_state check (state in ('next', 'active', 'retired', 'revoked'))
);
create unique index signing_keys_one_active_per_alg on signing_keys(alg) where state = 'active';

-- Pushed authorization requests (RFC 9126): single-use request_uri, short-lived.
create table pushed_requests (
    request_uri   text primary key,
    client_id     text        not null references clients(client_id) on delete cascade,
    parameters    jsonb       not null,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    consumed_at   timestamptz
);

-- Device authorization (RFC 8628).
create table device_codes (
    device_code_hash  text primary key,
    user_code         text        not null unique,
    client_id         text        not null references clients(client_id) on delete cascade,
    scope             text        not null,
    status            text        not null default 'pending',
    user_id           uuid references users(id) on delete cascade,
    grant_id          uuid,
    interval_seconds  integer     not null default 5,
    last_polled_at    timestamptz,
    created_at        timestamptz not null default now(),
    expires_at        timestamptz not null,
    constraint device_codes_status check (status in ('pending', 'approved', 'denied', 'consumed'))
);

-- Audit events: one row per decision (login ok/failed, consent, token issued, revoked, logout).
create table audit_events (
    id          bigserial primary key,
    occurred_at timestamptz not null default now(),
    type        text        not null,
    user_id     uuid,
    client_id   text,
    source_ip   text,
    details     jsonb       not null default '{}'::jsonb
);
create index audit_events_time on audit_events(occurred_at);
create index audit_events_user on audit_events(user_id, occurred_at);
create index audit_events_client on audit_events(client_id, occurred_at);
