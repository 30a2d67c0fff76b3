-- Back-channel logout tokens are signed at each delivery attempt (issue 16.12), so a retry past the token's
-- lifetime is not sent expired and no signed token rests in the table. Each notice keeps one jti for all its
-- attempts. logout_token stays, nullable and unused, for replicas of the previous version during a rolling upgrade.
alter table logout_deliveries add column jti text;
update logout_deliveries set jti = md5(random()::text || id::text) where jti is null;
alter table logout_deliveries alter column jti set not null;
alter table logout_deliveries alter column logout_token drop not null;
