-- stats module, V3: feeling-of-safety surveys (pocit bezpečí). Answers are anonymous: no person, no client address;
-- invitation tokens are stored as SHA-256 hashes, and the rate limit of open surveys keeps only a salted hash of the
-- client per answer time, in a table not linked to the answers.
create table stats_survey (
    id            bigserial     primary key,
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    title         varchar(200)  not null,
    period_from   date          not null,            -- first day of the first month the survey speaks for
    period_to     date          not null,            -- first day of the last month
    opens_at      timestamp     not null,            -- UTC, from a local date-time in the city's zone
    closes_at     timestamp     not null,
    access        varchar(12)   not null check (access in ('open', 'invitation')),
    questions     text          not null,            -- JSON array of per-district questions
    demo          boolean       not null default false,
    created_at    timestamp     not null,
    created_by    varchar(100)  not null,
    check (closes_at > opens_at),
    check (period_to >= period_from)
);
create index stats_survey_tenant on stats_survey (tenant_id, period_from);

create table stats_survey_token (
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    survey_id     bigint        not null references stats_survey (id),
    token_hash    varchar(64)   not null,
    used_at       timestamp,
    primary key (survey_id, token_hash)
);

create table stats_survey_response (
    id            bigserial     primary key,
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    survey_id     bigint        not null references stats_survey (id),
    district_code varchar(60)   not null,
    safety        smallint      not null check (safety between 1 and 4), -- 1 very safe … 4 very unsafe
    answers       text          not null,            -- JSON object: per-district question key → answer
    risk_places   int           not null default 0,
    demo          boolean       not null default false,
    submitted_at  timestamp     not null
);
create index stats_survey_response_survey on stats_survey_response (survey_id, district_code);
create index stats_survey_response_tenant on stats_survey_response (tenant_id, submitted_at);

create table stats_survey_client (
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    survey_id     bigint        not null references stats_survey (id),
    client_hash   varchar(64)   not null,
    at            timestamp     not null
);
create index stats_survey_client_lookup on stats_survey_client (survey_id, client_hash, at);
