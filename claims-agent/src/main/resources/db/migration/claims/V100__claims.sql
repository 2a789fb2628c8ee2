-- claims-agent: claims, their photos and every estimate version (history kept)
create table claims (
  id varchar(40) primary key,
  member_id varchar(100) not null,
  vin varchar(17),
  vehicle_year integer,
  vehicle_make varchar(100),
  vehicle_model varchar(100),
  loss_date date not null,
  loss_location varchar(300),
  description text not null,
  report_json text not null,
  status varchar(20) not null,
  idempotency_key varchar(200),
  request_hash varchar(64) not null,
  flags_json text not null,
  flag_codes varchar(2000) not null,
  photo_count integer not null,
  estimate_version integer not null,
  estimate_total numeric(12, 2),
  created_by varchar(100),
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);
create unique index claims_idempotency_key on claims (idempotency_key);
create index claims_status on claims (status, created_at);

create table claim_photos (
  id varchar(40) primary key,
  claim_id varchar(40) not null references claims (id),
  seq integer not null,
  file_name varchar(300) not null,
  media_type varchar(50) not null,
  size_bytes bigint not null,
  width integer not null,
  height integer not null,
  sha256 varchar(64) not null,
  dhash varchar(16),
  captured_at timestamp with time zone,
  gps_latitude double precision,
  gps_longitude double precision,
  camera_make varchar(100),
  camera_model varchar(100),
  software varchar(200),
  modified_at timestamp with time zone,
  has_exif boolean not null,
  storage_key varchar(100) not null,
  created_at timestamp with time zone not null
);
create index claim_photos_claim on claim_photos (claim_id, seq);
create index claim_photos_sha on claim_photos (sha256);

create table claim_estimate_versions (
  id varchar(60) primary key,
  claim_id varchar(40) not null references claims (id),
  version integer not null,
  status varchar(20) not null,
  change_kind varchar(30) not null,
  change_note varchar(1000),
  author varchar(100) not null,
  run_id varchar(60),
  estimate_json text not null,
  grand_total numeric(12, 2) not null,
  created_at timestamp with time zone not null
);
create unique index claim_estimate_versions_version on claim_estimate_versions (claim_id, version);
