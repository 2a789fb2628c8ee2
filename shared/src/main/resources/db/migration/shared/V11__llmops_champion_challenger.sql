-- LLM operations, round 2: challengers in shadow and their results beside the champion's, and
-- promotions gated by evaluation. Plain types only (H2 in PostgreSQL mode and PostgreSQL).

create table llmops_challenger (
  id varchar(64) primary key,
  task varchar(200) not null,
  route_version varchar(100),
  prompt_version varchar(100),
  sample_rate double precision not null,
  status varchar(20) not null,
  sampled bigint not null,
  dropped bigint not null,
  started_by varchar(100) not null,
  started_at timestamp with time zone not null,
  ended_at timestamp with time zone
);
create index llmops_challenger_task on llmops_challenger (task, started_at);

create table llmops_shadow_result (
  id varchar(64) primary key,
  challenger_id varchar(64) not null,
  task varchar(200) not null,
  input_key varchar(64) not null,
  champion_output text,
  challenger_output text,
  challenger_error text,
  agree boolean not null,
  score double precision,
  champion_call_id varchar(64),
  challenger_call_id varchar(64),
  champion_latency_micros bigint not null,
  challenger_latency_micros bigint not null,
  champion_cost numeric(14,6) not null,
  challenger_cost numeric(14,6) not null,
  created_at timestamp with time zone not null
);
create index llmops_shadow_result_challenger on llmops_shadow_result (challenger_id, created_at);
create index llmops_shadow_result_key on llmops_shadow_result (task, input_key);

create table llmops_promotion (
  id varchar(64) primary key,
  task varchar(200) not null,
  candidate_route varchar(100),
  candidate_prompt varchar(100),
  champion_route varchar(100),
  champion_prompt varchar(100),
  eval_sets text not null,
  gates text not null,
  status varchar(20) not null,
  results text,
  experiment_ids text,
  error text,
  created_by varchar(100) not null,
  created_at timestamp with time zone not null,
  finished_at timestamp with time zone
);
create index llmops_promotion_task on llmops_promotion (task, created_at);
