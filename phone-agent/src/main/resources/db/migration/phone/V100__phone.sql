-- Calls, keyed by Twilio's CallSid. "turn" is the next turn the dialogue expects; a webhook for an
-- earlier turn is a replay and gets the stored answer (phone_call_response) instead of a new step.
create table phone_call (
  call_sid varchar(64) primary key,
  script varchar(32) not null,
  lang varchar(8) not null,
  status varchar(32) not null,
  outcome varchar(32) not null,
  direction varchar(32),
  from_number varchar(64),
  to_number varchar(64),
  campaign_id varchar(64),
  answered_by varchar(32),
  duration_seconds integer,
  turn integer not null,
  state text not null,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);

create table phone_call_response (
  call_sid varchar(64) not null,
  turn integer not null,
  twiml text not null,
  created_at timestamp with time zone not null,
  primary key (call_sid, turn)
);

-- Claims to file in claims-agent for completed fnol calls; one row per call, retried until accepted.
create table phone_claim_outbox (
  call_sid varchar(64) primary key,
  payload text not null,
  status varchar(16) not null,
  attempts integer not null,
  claim_id varchar(128),
  last_error text,
  next_attempt_at timestamp with time zone not null,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);

create table phone_do_not_call (
  number varchar(32) primary key,
  reason text,
  added_by varchar(128),
  added_at timestamp with time zone not null
);

create table phone_campaign (
  id varchar(64) primary key,
  script varchar(32) not null,
  lang varchar(8) not null,
  max_attempts integer not null,
  retry_minutes integer not null,
  created_by varchar(128),
  created_at timestamp with time zone not null
);

create table phone_campaign_target (
  campaign_id varchar(64) not null,
  seq integer not null,
  number varchar(32) not null,
  time_zone varchar(64) not null,
  status varchar(24) not null,
  attempts integer not null,
  call_sid varchar(64),
  next_attempt_at timestamp with time zone not null,
  last_result text,
  updated_at timestamp with time zone not null,
  primary key (campaign_id, seq)
);
create index phone_campaign_target_due on phone_campaign_target (status, next_attempt_at);
create index phone_campaign_target_call on phone_campaign_target (call_sid);
