-- districts module, V10 (people and places, part 1): working-group assignments with history.
-- A district's working group has three seats (police-officer, constable, councillor). Each row is one person in one
-- seat from valid_from to valid_to (local dates in the city's zone, inclusive; valid_to null = until further notice).
-- A new assignment ends the previous one (valid_to = day before); rows are never deleted. The district is referred to
-- by code, its identity across boundary versions (districts_district rows belong to one version).
create table districts_wg_assignment (
    id            bigserial    primary key,
    tenant_id     varchar(40)  not null references platform_tenant (slug),
    district_code varchar(60)  not null,
    role          varchar(20)  not null check (role in ('POLICE_OFFICER', 'CONSTABLE', 'COUNCILLOR')),
    valid_from    date         not null,
    valid_to      date,
    username      varchar(100) not null,            -- Keycloak login name (private)
    person_id     varchar(64),                      -- Keycloak user id (private)
    display_name  varchar(200) not null,
    title         varchar(100),                     -- rank (police) or title (councillor)
    photo_url     varchar(500),
    phone         varchar(40),
    email         varchar(254),
    office_hours  varchar(500),
    demo          boolean      not null default false,
    created_at    timestamp    not null,
    created_by    varchar(100) not null,            -- person id of the city-admin
    ended_at      timestamp,
    ended_by      varchar(100),
    -- valid_to = valid_from - 1 marks an assignment superseded on its first day (never in force)
    check (valid_to is null or valid_to >= valid_from - 1)
);
create index districts_wg_assignment_seat on districts_wg_assignment (tenant_id, district_code, role, valid_from);
-- at most one open-ended assignment per seat (guards concurrent assignments)
create unique index districts_wg_assignment_open on districts_wg_assignment (tenant_id, district_code, role)
    where valid_to is null;
