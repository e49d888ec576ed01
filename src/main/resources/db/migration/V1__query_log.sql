-- Query log (issue 4). Plain SQL that H2 and PostgreSQL both run unchanged.
-- Texts are normalised and redacted before they get here; users are keyed hashes, never raw ids.

CREATE TABLE query_log (
    id                VARCHAR(64)              NOT NULL PRIMARY KEY, -- the reply id, also used for feedback
    asked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    asked_day         DATE                     NOT NULL,             -- the day in bot.query-log.zone
    channel           VARCHAR(32)              NOT NULL,
    user_hash         VARCHAR(64),
    question          VARCHAR(500)             NOT NULL,
    outcome           VARCHAR(16)              NOT NULL,             -- answered, suggested, declined
    intent            VARCHAR(100),
    confidence        DOUBLE PRECISION         NOT NULL,
    candidates        VARCHAR(1000),                                 -- "intent=probability intent=probability"
    knowledge_version VARCHAR(64),
    helpful           BOOLEAN,                                       -- the citizen's rating, null when none
    rated_at          TIMESTAMP WITH TIME ZONE
);

CREATE INDEX query_log_asked_at ON query_log (asked_at);
CREATE INDEX query_log_outcome_day ON query_log (outcome, asked_day);
CREATE INDEX query_log_question ON query_log (question);

-- Staff decisions on unanswered questions, one per distinct question text.
CREATE TABLE query_review (
    question   VARCHAR(500)             NOT NULL PRIMARY KEY,
    status     VARCHAR(16)              NOT NULL,                    -- reviewed, ignored, added
    intent     VARCHAR(100),                                         -- the intent it was added to
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
