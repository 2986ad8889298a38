-- Events module: bodies with their meeting series, materialised occurrences (moved / cancelled / held, with agenda,
-- attendance, minutes and decisions), measures with effectiveness reviews. Instants are UTC timestamps; a series'
-- start is a local date-time in the city's zone (the RRULE's DTSTART with TZID).

create table events_body (
    id              bigserial primary key,
    tenant_id       varchar(40)  not null,
    kind            varchar(40)  not null,
    name            varchar(200) not null,
    scope           varchar(20)  not null,
    scope_code      varchar(60),
    rrule           varchar(500),
    series_start    timestamp,
    duration_minutes integer,
    location        varchar(300),
    created_at      timestamp    not null,
    created_by      varchar(100) not null,
    created_by_name varchar(200) not null
);
create index events_body_tenant on events_body (tenant_id, kind);

create table events_body_member (
    id          bigserial primary key,
    tenant_id   varchar(40)  not null,
    body_id     bigint       not null references events_body (id) on delete cascade,
    name        varchar(200) not null,
    role        varchar(60)  not null,
    institution varchar(200),
    username    varchar(100),
    email       varchar(254),
    valid_from  date         not null,
    valid_to    date
);
create index events_body_member_body on events_body_member (body_id);

-- one row per occurrence that anything was done to (moved, cancelled, held, agenda, minutes...); identified by the
-- series' original local start (RFC 5545 RECURRENCE-ID)
create table events_meeting (
    id                bigserial primary key,
    tenant_id         varchar(40)  not null,
    body_id           bigint       not null references events_body (id) on delete cascade,
    recurrence_id     timestamp    not null,
    status            varchar(20)  not null,
    start_at          timestamp    not null,
    end_at            timestamp    not null,
    location          varchar(300),
    cancel_reason     varchar(500),
    minutes           text,
    minutes_published boolean      not null default false,
    held_at           timestamp,
    updated_at        timestamp    not null,
    updated_by_name   varchar(200) not null,
    unique (body_id, recurrence_id)
);
create index events_meeting_tenant on events_meeting (tenant_id, start_at);

create table events_agenda_item (
    id              bigserial primary key,
    tenant_id       varchar(40)   not null,
    meeting_id      bigint        not null references events_meeting (id) on delete cascade,
    position        integer       not null,
    title           varchar(500)  not null,
    description     varchar(4000),
    matter_id       bigint,
    created_at      timestamp     not null,
    created_by_name varchar(200)  not null
);
create index events_agenda_item_meeting on events_agenda_item (meeting_id);
create unique index events_agenda_item_matter on events_agenda_item (meeting_id, matter_id) where matter_id is not null;

create table events_attendance (
    id          bigserial primary key,
    tenant_id   varchar(40)  not null,
    meeting_id  bigint       not null references events_meeting (id) on delete cascade,
    name        varchar(200) not null,
    role        varchar(100),
    institution varchar(200),
    present     boolean      not null
);
create index events_attendance_meeting on events_attendance (meeting_id);

create table events_decision (
    id         bigserial primary key,
    tenant_id  varchar(40)   not null,
    meeting_id bigint        not null references events_meeting (id) on delete cascade,
    text       varchar(4000) not null,
    measure_id bigint
);
create index events_decision_meeting on events_decision (meeting_id);

create table events_measure (
    id              bigserial primary key,
    tenant_id       varchar(40)   not null,
    title           varchar(200)  not null,
    description     varchar(4000),
    district_code   varchar(60),
    risk_place_id   bigint,
    owner_name      varchar(200)  not null,
    owner_username  varchar(100),
    deadline        date          not null,
    status          varchar(20)   not null,
    started_on      date          not null,
    done_on         date,
    body_id         bigint,
    meeting_id      bigint,
    created_at      timestamp     not null,
    created_by_name varchar(200)  not null,
    updated_at      timestamp     not null,
    updated_by_name varchar(200)  not null
);
create index events_measure_tenant on events_measure (tenant_id, status, deadline);

create table events_measure_review (
    id               bigserial primary key,
    tenant_id        varchar(40)   not null,
    measure_id       bigint        not null references events_measure (id) on delete cascade,
    meeting_id       bigint,
    reviewed_on      date          not null,
    rating           integer       not null,
    note             varchar(4000),
    before_from      varchar(7),
    before_to        varchar(7),
    after_from       varchar(7),
    after_to         varchar(7),
    offences_before  bigint,
    offences_after   bigint,
    figures_note     varchar(500),
    reviewed_by_name varchar(200)  not null,
    created_at       timestamp     not null
);
create index events_measure_review_measure on events_measure_review (measure_id);
