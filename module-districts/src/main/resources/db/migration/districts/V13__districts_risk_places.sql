-- districts module, V13 (people and places, part 4): risk places (rizikové místo) per district. Geometry is a Point
-- or Polygon as OGC WKB in WGS84 lon/lat (EPSG:4326) with its bounding box; area in m² (0 for a point). Dates are
-- local dates in the city's zone. The description is citizen/staff text stored raw.
create table districts_risk_place (
    id              bigserial     primary key,
    tenant_id       varchar(40)   not null references platform_tenant (slug),
    district_code   varchar(60)   not null,
    geometry_type   varchar(20)   not null check (geometry_type in ('Point', 'Polygon')),
    geometry_wkb    bytea         not null,
    min_lon         double precision not null,
    min_lat         double precision not null,
    max_lon         double precision not null,
    max_lat         double precision not null,
    area_m2         double precision not null,
    kind            varchar(20)   not null check (kind in ('feels-unsafe', 'many-offences', 'both')),
    description     varchar(4000) not null,
    source          varchar(20)   not null check (source in ('survey', 'police', 'citizen', 'working-group')),
    status          varchar(20)   not null check (status in ('open', 'measures-taken', 'resolved')),
    reported_on     date          not null,
    resolved_on     date,
    created_at      timestamp     not null,
    created_by      varchar(100)  not null,           -- person id (private)
    created_by_name varchar(200)  not null,           -- display name (public)
    updated_at      timestamp     not null,
    updated_by      varchar(100)  not null,
    updated_by_name varchar(200)  not null,
    check (resolved_on is null or resolved_on >= reported_on)
);
create index districts_risk_place_district on districts_risk_place (tenant_id, district_code, status);
create index districts_risk_place_status on districts_risk_place (tenant_id, status);
