-- Platform tables: cities, per-city module enablement, audit trail.
create table platform_tenant (
    slug              varchar(40) primary key,
    name              varchar(200) not null,
    time_zone         varchar(64)  not null default 'Europe/Prague',
    default_locale    varchar(20)  not null default 'cs',
    locales           varchar(200) not null default 'cs',
    municipality_code varchar(20),
    population        integer,
    created_at        timestamp    not null,
    created_by        varchar(100) not null
);

create table platform_tenant_module (
    tenant     varchar(40) not null references platform_tenant (slug),
    module     varchar(40) not null,
    enabled    boolean     not null,
    settings   jsonb       not null default '{}',
    changed_at timestamp   not null,
    changed_by varchar(100) not null,
    primary key (tenant, module)
);

create table platform_audit (
    id          bigserial primary key,
    tenant_id   varchar(40)  not null references platform_tenant (slug),
    at          timestamp    not null,
    person_id   varchar(100) not null,
    person_name varchar(200) not null,
    role        varchar(40)  not null,
    action      varchar(100) not null,
    object_type varchar(60)  not null,
    object_id   varchar(100) not null,
    detail      text
);
create index platform_audit_tenant_at on platform_audit (tenant_id, at desc);
