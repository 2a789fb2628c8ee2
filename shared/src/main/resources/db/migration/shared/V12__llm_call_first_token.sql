-- Streamed gateway calls: time from the call to the first piece of text delivered (total time is latency_micros).
alter table llm_call add column first_token_micros bigint;
