-- districts module, V11 (people and places, part 2): police stations and info boxes of a district.
create table districts_contact_point (
    id            bigserial    primary key,
    tenant_id     varchar(40)  not null references platform_tenant (slug),
    district_code varchar(60)  not null,
    kind          varchar(30)  not null check (kind in ('police-station-state', 'police-station-municipal', 'info-box')),
    name          varchar(200) not null,
    address       varchar(300),
    opening_hours varchar(500),
    lon           double precision not null check (lon between -180 and 180),  -- WGS84 degrees
    lat           double precision not null check (lat between -90 and 90),
    created_at    timestamp    not null,
    created_by    varchar(100) not null,
    updated_at    timestamp    not null,
    updated_by    varchar(100) not null
);
create index districts_contact_point_district on districts_contact_point (tenant_id, district_code);
