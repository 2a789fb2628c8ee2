-- LLM operations: workflow runs, shared memory, active versions, annotations, evaluation sets, experiments.
-- Plain types only: the same script runs on H2 (PostgreSQL mode) and PostgreSQL. JSON values are text.

create table llmops_run (
  id varchar(64) primary key,
  workflow varchar(200) not null,
  input text,
  output text,
  error text,
  status varchar(20) not null,
  started_at timestamp with time zone not null,
  duration_micros bigint not null,
  code_version varchar(100),
  versions text,
  client varchar(100),
  trace_id varchar(64),
  replay_of varchar(64)
);
create index llmops_run_workflow on llmops_run (workflow, started_at);

create table llmops_node (
  id varchar(64) primary key,
  run_id varchar(64) not null,
  seq integer not null,
  parent_seq integer,
  name varchar(200) not null,
  kind varchar(20) not null,
  input text,
  output text,
  error text,
  started_at timestamp with time zone not null,
  duration_micros bigint not null,
  calls text
);
create index llmops_node_run on llmops_node (run_id, seq);

create table llmops_memory (
  context_id varchar(300) primary key,
  value_json text not null,
  value_type varchar(300),
  expires_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);
create index llmops_memory_expires on llmops_memory (expires_at);

create table llmops_active_version (
  task varchar(200) primary key,
  route_version varchar(100),
  prompt_version varchar(100),
  switched_by varchar(100) not null,
  switched_at timestamp with time zone not null
);

create table llmops_version_audit (
  id varchar(64) primary key,
  task varchar(200) not null,
  action varchar(20) not null,
  from_route varchar(100),
  from_prompt varchar(100),
  to_route varchar(100),
  to_prompt varchar(100),
  actor varchar(100) not null,
  reason text,
  at timestamp with time zone not null
);
create index llmops_version_audit_task on llmops_version_audit (task, at);

create table llmops_annotation (
  id varchar(64) primary key,
  task varchar(200) not null,
  input text not null,
  input_key varchar(64) not null,
  output text,
  corrected_output text,
  correct boolean,
  comment text,
  author varchar(100) not null,
  run_id varchar(64),
  versions text,
  created_at timestamp with time zone not null,
  hits bigint not null,
  last_hit_at timestamp with time zone
);
create index llmops_annotation_task on llmops_annotation (task, created_at);
create index llmops_annotation_key on llmops_annotation (task, input_key);

create table llmops_eval_set (
  id varchar(64) primary key,
  task varchar(200) not null,
  name varchar(200) not null,
  version integer not null,
  source varchar(300) not null,
  content_hash varchar(64) not null,
  item_count integer not null,
  created_by varchar(100) not null,
  created_at timestamp with time zone not null,
  constraint llmops_eval_set_version unique (task, name, version)
);

create table llmops_eval_item (
  id varchar(64) primary key,
  set_id varchar(64) not null,
  seq integer not null,
  item_key varchar(200) not null,
  input text not null,
  expected text,
  origin varchar(300)
);
create index llmops_eval_item_set on llmops_eval_item (set_id, seq);

create table llmops_experiment (
  id varchar(64) primary key,
  set_id varchar(64) not null,
  task varchar(200) not null,
  scorer varchar(200) not null,
  configurations text not null,
  status varchar(20) not null,
  total integer not null,
  done integer not null,
  summary text,
  error text,
  created_by varchar(100) not null,
  created_at timestamp with time zone not null,
  finished_at timestamp with time zone
);

create table llmops_experiment_item (
  id varchar(64) primary key,
  experiment_id varchar(64) not null,
  configuration varchar(200) not null,
  seq integer not null,
  item_key varchar(200) not null,
  output text,
  error text,
  score double precision,
  score_detail text,
  latency_micros bigint not null,
  input_tokens integer not null,
  output_tokens integer not null,
  cost numeric(14,6) not null,
  calls integer not null,
  run_id varchar(64)
);
create index llmops_experiment_item_exp on llmops_experiment_item (experiment_id, configuration, seq);
