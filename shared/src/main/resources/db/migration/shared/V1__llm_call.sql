-- Every LLM gateway call, written off the request path by the gateway's trace writer.
create table llm_call (
  id varchar(64) primary key,
  task varchar(200) not null,
  operation varchar(40) not null,
  client varchar(200),
  trace_id varchar(64),
  run_id varchar(100),
  node varchar(200),
  provider varchar(100),
  model varchar(200),
  route_version varchar(100),
  prompt_version varchar(100),
  input text,
  output text,
  parsed text,
  input_tokens integer not null,
  output_tokens integer not null,
  cached_tokens integer not null,
  cost numeric(20, 10) not null,
  latency_micros bigint not null,
  attempts text,
  outcome varchar(40) not null,
  error text,
  created_at timestamp with time zone not null
);
create index llm_call_created_idx on llm_call (created_at);
create index llm_call_task_created_idx on llm_call (task, created_at);
create index llm_call_run_idx on llm_call (run_id);
