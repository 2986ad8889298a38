-- Messaging: citizens' matters, their threads, categories and the escalation ladder per city, and the
-- anonymous-submission rate limit (state shared by every instance).

create table messaging_category (
    id        bigserial primary key,
    tenant_id varchar(40)  not null,
    code      varchar(40)  not null,
    name_cs   varchar(200) not null,
    name_en   varchar(200) not null,
    active    boolean      not null default true,
    position  integer      not null,
    unique (tenant_id, code)
);

create table messaging_level (
    id           bigserial primary key,
    tenant_id    varchar(40)  not null,
    position     integer      not null,
    key          varchar(40)  not null,
    name         varchar(200) not null,
    body_kind    varchar(40),
    ack_days     integer      not null,
    answer_days  integer      not null,
    notify_email varchar(320),
    unique (tenant_id, key)
);

create table messaging_matter (
    id                 bigserial primary key,
    tenant_id          varchar(40)  not null,
    category           varchar(40)  not null,
    text               text         not null,
    lat                double precision,
    lon                double precision,
    district_code      varchar(60),
    district_name      varchar(200),
    addressee          varchar(20)  not null,
    near_boundary      boolean      not null default false,
    neighbours         varchar(1000),
    moved_once         boolean      not null default false,
    contact_name       varchar(200),
    contact_email      varchar(320),
    contact_phone      varchar(40),
    consent            boolean      not null,
    locale             varchar(10)  not null,
    status             varchar(20)  not null,
    level_key          varchar(40)  not null,
    level_since        timestamp    not null,
    ack_due_at         timestamp,
    answer_due_at      timestamp,
    owner_person_id    varchar(100),
    owner_name         varchar(200),
    owner_role         varchar(40),
    created_at         timestamp    not null,
    first_response_at  timestamp,
    closed_at          timestamp,
    contact_erased_at  timestamp,
    tracking_hash      varchar(64)  not null unique,
    idempotency_key    varchar(200),
    source             varchar(20)  not null,
    demo               boolean      not null default false,
    escalations        integer      not null default 0,
    meeting_body       varchar(200),
    meeting_start      timestamp,
    meeting_agenda_id  bigint,
    unique (tenant_id, idempotency_key)
);
-- inbox pages: newest first, keyset (created_at, id) within a level or a district
create index messaging_matter_level on messaging_matter (tenant_id, level_key, created_at desc, id desc);
create index messaging_matter_district on messaging_matter (tenant_id, district_code, created_at desc, id desc);
create index messaging_matter_recent on messaging_matter (tenant_id, created_at desc, id desc);
-- deadline job: open matters by due date
create index messaging_matter_due on messaging_matter (tenant_id, answer_due_at) where status in ('new', 'acknowledged', 'in-progress');
-- retention job: closed matters with contact data
create index messaging_matter_retention on messaging_matter (tenant_id, closed_at) where contact_erased_at is null and status = 'closed';

create table messaging_entry (
    id               bigserial primary key,
    tenant_id        varchar(40)  not null,
    matter_id        bigint       not null references messaging_matter (id) on delete cascade,
    kind             varchar(20)  not null, -- citizen, reply, note, event
    text             text         not null,
    author_person_id varchar(100),
    author_name      varchar(200) not null,
    author_role      varchar(40)  not null,
    created_at       timestamp    not null
);
create index messaging_entry_matter on messaging_entry (matter_id, id);

create table messaging_rate (
    tenant_id    varchar(40)  not null,
    client       varchar(100) not null,
    window_start timestamp    not null,
    count        integer      not null,
    primary key (tenant_id, client)
);
