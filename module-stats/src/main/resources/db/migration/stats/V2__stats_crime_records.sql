-- stats module, V2: imported crime records, their aggregate per district × category × month, import jobs and the
-- per-city code lists (source code → platform category / cleared). Dates are local dates in the city's zone;
-- instants are UTC timestamps. Exact positions stay here: public answers are aggregates only.
create table stats_crime_record (
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    source        varchar(40)   not null,            -- police-uk, cz-police, or the mapped source's name
    record_id     varchar(200)  not null,            -- the source's id, or h:<content hash>:<n> when it has none
    occurred_on   date          not null,            -- the record's date (month-only sources: first day)
    crime_type    varchar(200)  not null,            -- the source's own type value
    outcome       varchar(200)  not null default '', -- the source's own outcome value ('' when none)
    category      varchar(40)   not null,            -- platform category (CodeLists)
    cleared       varchar(20)   not null,            -- cleared | not-cleared | pending | unknown
    district_code varchar(60)   not null default '', -- district in force at occurred_on; '' = unlocated
    lat           double precision,
    lon           double precision,
    demo          boolean       not null default false,
    import_id     bigint        not null,
    primary key (tenant_id, source, record_id)
);

-- Maintained by the importer in the import's transaction: one row per combination, counted.
create table stats_crime_aggregate (
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    month         date          not null,            -- first day of the month
    district_code varchar(60)   not null,            -- '' = unlocated
    category      varchar(40)   not null,
    source        varchar(40)   not null,
    crime_type    varchar(200)  not null,
    outcome       varchar(200)  not null,
    cleared       varchar(20)   not null,
    count         bigint        not null,
    primary key (tenant_id, month, district_code, category, source, crime_type, outcome, cleared)
);

create table stats_import_job (
    id            bigserial     primary key,
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    format        varchar(20)   not null,
    source        varchar(40)   not null,
    status        varchar(20)   not null check (status in ('queued', 'running', 'done', 'failed')),
    bytes         bigint        not null,
    lines_read    bigint        not null default 0,
    imported      bigint        not null default 0,
    duplicates    bigint        not null default 0,
    unlocated     bigint        not null default 0,
    rejected      bigint        not null default 0,
    report        text,                              -- the finished report (JSON)
    error         text,                              -- why a failed job failed (nothing of it was kept)
    demo          boolean       not null default false,
    created_at    timestamp     not null,
    created_by    varchar(100)  not null,
    finished_at   timestamp
);
create index stats_import_job_tenant on stats_import_job (tenant_id, id);

create table stats_code_map (
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    source        varchar(40)   not null,
    kind          varchar(10)   not null check (kind in ('type', 'outcome')),
    code          varchar(200)  not null,
    value         varchar(40)   not null,            -- a category (type) or cleared | not-cleared | pending | unknown
    primary key (tenant_id, source, kind, code)
);
