-- DPoP (RFC 9449). The jtis of accepted proofs, shared by every replica of every service that accepts proofs
-- (token, PAR, userinfo), each kept until its proof is too old to be accepted anyway (11.1).
create table dpop_proof_jtis (
    jkt text not null,
    jti text not null,
    expires_at timestamptz not null,
    primary key (jkt, jti)
);
create index dpop_proof_jtis_expiry on dpop_proof_jtis(expires_at);

-- RFC 9449 10: an authorization code bound to the key named by dpop_jkt at /authorize or /par.
alter table authorization_codes add column dpop_jkt text;
-- RFC 9449 5: refresh tokens of public clients bound to the key of the proof they were issued with.
alter table refresh_tokens add column dpop_jkt text;
