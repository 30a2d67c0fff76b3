-- RFC 8693 token exchange: a grant made by exchanging a token remembers the grant of the subject token, so that
-- revoking that grant (or any before it in the chain) revokes the exchanged tokens too (AccessTokenValidator).
alter table grants add column exchanged_from uuid references grants(id) on delete cascade;
create index grants_exchanged_from on grants(exchanged_from) where exchanged_from is not null;
