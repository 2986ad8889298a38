-- Public-order preparation plans for cultural and sports events; prevention projects per target group.

create table events_plan (
    id                  bigserial primary key,
    tenant_id           varchar(40)   not null,
    title               varchar(200)  not null,
    organiser           varchar(200)  not null,
    place               varchar(300)  not null,
    geometry            text,
    district_codes      varchar(1000),
    start_at            timestamp     not null,
    end_at              timestamp     not null,
    expected_attendance integer       not null,
    risk_level          varchar(20)   not null,
    after_action_note   varchar(4000),
    created_at          timestamp     not null,
    created_by_name     varchar(200)  not null,
    updated_at          timestamp     not null,
    updated_by_name     varchar(200)  not null
);
create index events_plan_tenant on events_plan (tenant_id, start_at);

create table events_plan_officer (
    id        bigserial primary key,
    tenant_id varchar(40)  not null,
    plan_id   bigint       not null references events_plan (id) on delete cascade,
    name      varchar(200) not null,
    unit      varchar(200),
    role      varchar(100)
);
create index events_plan_officer_plan on events_plan_officer (plan_id);

create table events_plan_check (
    id           bigserial primary key,
    tenant_id    varchar(40)  not null,
    plan_id      bigint       not null references events_plan (id) on delete cascade,
    position     integer      not null,
    text         varchar(500) not null,
    done         boolean      not null default false,
    done_by_name varchar(200),
    done_at      timestamp
);
create index events_plan_check_plan on events_plan_check (plan_id);

create table events_project (
    id              bigserial primary key,
    tenant_id       varchar(40)   not null,
    name            varchar(200)  not null,
    target_group    varchar(30)   not null,
    description     varchar(4000),
    created_at      timestamp     not null,
    created_by_name varchar(200)  not null
);
create index events_project_tenant on events_project (tenant_id, target_group);

create table events_project_activity (
    id             bigserial primary key,
    tenant_id      varchar(40)   not null,
    project_id     bigint        not null references events_project (id) on delete cascade,
    title          varchar(200)  not null,
    starts_on      date          not null,
    ends_on        date          not null,
    district_codes varchar(1000),
    participants   integer       not null default 0
);
create index events_project_activity_project on events_project_activity (project_id);
