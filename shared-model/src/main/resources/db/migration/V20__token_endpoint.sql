-- V20: token endpoint and client authentication (issue 5, token-service).

-- 1. Refresh token rotation (RFC 9700 4.14.2): parent_hash links a token to the one it was rotated from, so a
--    retry inside the grace period can replace the unused successor; retried_at records that the one retry a
--    rotated token is allowed has been spent.
alter table refresh_tokens add column parent_hash text;
alter table refresh_tokens add column retried_at timestamptz;
create index refresh_tokens_parent on refresh_tokens(parent_hash);

-- 2. client_secret_jwt (RFC 7523 2.2, OIDC Core 9) needs the clear secret as the HMAC key, which secret_hash
--    cannot give back: for clients registered with that method only, the secret is also kept AES-256-GCM
--    encrypted under the key-encryption key (the same one that protects signing keys). Null for every other method.
alter table clients add column secret_encrypted bytea;

-- 3. JWT client assertions seen (RFC 7523 3 item 7): a jti is refused while an assertion carrying it could
--    still be valid; rows past expires_at may be deleted or overwritten.
create table client_assertion_jtis (
    client_id   text        not null references clients(client_id) on delete cascade,
    jti         text        not null,
    expires_at  timestamptz not null,
    primary key (client_id, jti)
);
create index client_assertion_jtis_expiry on client_assertion_jtis(expires_at);
