-- claims-agent: reads by index instead of whole-table scans, and idempotency keys per client.

-- near-duplicate search: each 16-bit quarter of the dHash, indexed
alter table claim_photos add column dhash_q0 varchar(4);
alter table claim_photos add column dhash_q1 varchar(4);
alter table claim_photos add column dhash_q2 varchar(4);
alter table claim_photos add column dhash_q3 varchar(4);
update claim_photos
   set dhash_q0 = substring(dhash, 1, 4), dhash_q1 = substring(dhash, 5, 4),
       dhash_q2 = substring(dhash, 9, 4), dhash_q3 = substring(dhash, 13, 4)
 where dhash is not null;
create index claim_photos_dhash_q0 on claim_photos (dhash_q0);
create index claim_photos_dhash_q1 on claim_photos (dhash_q1);
create index claim_photos_dhash_q2 on claim_photos (dhash_q2);
create index claim_photos_dhash_q3 on claim_photos (dhash_q3);

-- an idempotency key belongs to the client that sent it ('' when no API keys are configured)
alter table claims add column idempotency_client varchar(100);
update claims set idempotency_client = coalesce(created_by, '') where idempotency_key is not null;
drop index claims_idempotency_key;
create unique index claims_idempotency on claims (idempotency_client, idempotency_key);

-- the adjusters' queue: ordered and paged on indexes; flag codes as rows (filled by V102)
alter table claims add column flag_count integer default 0 not null;
create index claims_created on claims (created_at, id);
create index claims_total on claims (estimate_total, id);
create index claims_flag_count on claims (flag_count, created_at);
create table claim_flag_codes (
  claim_id varchar(40) not null references claims (id),
  code varchar(60) not null,
  primary key (claim_id, code)
);
create index claim_flag_codes_code on claim_flag_codes (code, claim_id);
