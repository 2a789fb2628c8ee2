-- Twilio status callbacks applied, one row each. The key is the callback's identity: CallSid, CallStatus
-- and Twilio's SequenceNumber (else its Timestamp, else empty), so a repeated callback is recognised here
-- and changes nothing; a status that goes backwards (completed -> ringing) is never stored.
create table phone_call_status_event (
  call_sid varchar(64) not null,
  call_status varchar(32) not null,
  event_key varchar(64) not null,
  duration_seconds integer,
  answered_by varchar(32),
  received_at timestamp with time zone not null,
  primary key (call_sid, call_status, event_key)
);
