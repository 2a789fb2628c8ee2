-- Answers given by POST /v1/ask and /v1/query (so feedback can refer to them) and analysts'
-- corrections (answered directly when the same question comes again, and used as prompt examples).
CREATE TABLE text2data_answers (
    id              varchar(36)  NOT NULL PRIMARY KEY,
    question        text         NULL,
    as_of           date         NOT NULL,
    conversation_id varchar(100) NULL,
    status          varchar(16)  NOT NULL,
    semantic_query  text         NULL,
    sql_text        text         NULL,
    run_id          varchar(64)  NULL,
    created_at      timestamp with time zone NOT NULL
);

CREATE TABLE text2data_corrections (
    id              varchar(36)  NOT NULL PRIMARY KEY,
    question_key    varchar(600) NOT NULL,
    question        text         NOT NULL,
    answer_id       varchar(36)  NULL,
    semantic_query  text         NOT NULL,
    author          varchar(100) NOT NULL,
    created_at      timestamp with time zone NOT NULL
);

CREATE INDEX ix_text2data_corrections_key ON text2data_corrections (question_key);
