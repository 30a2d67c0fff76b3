-- LDAP user store (issue 19, docs/ldap.md). Users of a directory get a shadow row in users at their first login:
-- id = their subject (entryUUID, objectGUID, ...), no password, the last attributes read from the directory. The
-- tables that reference users (sessions, grants, codes, consents, device codes) thus work for both stores.
alter table users add column store text not null default 'postgres';
alter table users add constraint users_store check (store in ('postgres', 'ldap'));
-- Usernames are unique among PostgreSQL users only: a directory user may share a name with a local user, and a
-- shadow row's username is only the name last used to log in.
alter table users drop constraint users_username_key;
create unique index users_username_postgres on users(username) where store = 'postgres';
create index users_username on users(username);
