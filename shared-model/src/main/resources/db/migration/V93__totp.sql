-- Second factor (issue 21.2): TOTP (RFC 6238) authenticators and recovery codes, per user (PostgreSQL or directory
-- users alike: both have a row in users).
create table user_totp (
    user_id        uuid primary key references users(id) on delete cascade,
    secret_enc     bytea       not null,               -- the 20-byte secret, AES-256-GCM under the key-encryption key
    confirmed_at   timestamptz,                        -- null while enrolling: not asked at login until confirmed
    last_used_step bigint      not null default 0,     -- RFC 6238 5.2: a step is accepted once (replay refused)
    created_at     timestamptz not null default now()
);

create table user_recovery_codes (
    user_id   uuid not null references users(id) on delete cascade,
    code_hash text not null,                            -- HMAC-SHA256 under a key derived from the key-encryption key
    used_at   timestamptz,
    primary key (user_id, code_hash)
);
