-- Bytes of each stored upload, so an account's kept uploads can be held to a quota.
alter table uploads add column size_bytes bigint default 0 not null;
