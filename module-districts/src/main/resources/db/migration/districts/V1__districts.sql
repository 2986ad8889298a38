-- districts module, V1: the city's hierarchy (levels, boroughs), municipal outline, versioned district boundaries.
-- Geometry is stored as OGC WKB (bytea, WGS84 lon/lat, EPSG:4326) plus its bounding box in degrees; there is no
-- PostGIS: JTS does the geometry in memory. Every table is tenant-owned (tenant_id = platform_tenant.slug).

-- Levels of the city's hierarchy, top (position 0, key 'city') to bottom (key 'district'), e.g.
-- Sokolov: city, district; Plzeň and Praha: city, borough, district. No rows = city, district.
create table districts_level (
    id        bigserial    primary key,
    tenant_id varchar(40)  not null references platform_tenant (slug),
    position  integer      not null,
    key       varchar(40)  not null,
    name      varchar(100) not null,
    unique (tenant_id, position),
    unique (tenant_id, key)
);

-- Units between city and district (městský obvod, "borough"), e.g. Plzeň 1–10. parent_id points to a unit of the
-- level above (null when that level is the city).
create table districts_borough (
    id         bigserial    primary key,
    tenant_id  varchar(40)  not null references platform_tenant (slug),
    level_key  varchar(40)  not null,
    code       varchar(60)  not null,
    name       varchar(200) not null,
    parent_id  bigint       references districts_borough (id),
    population integer,
    unique (tenant_id, code)
);

-- The municipal outline of a city (one row per city; replaced on upload, so a new id = a new outline).
create table districts_outline (
    id           bigserial    primary key,
    tenant_id    varchar(40)  not null unique references platform_tenant (slug),
    geometry_wkb bytea        not null,
    min_lon      double precision not null,
    min_lat      double precision not null,
    max_lon      double precision not null,
    max_lat      double precision not null,
    area_m2      double precision not null,
    source       varchar(300),
    updated_at   timestamp    not null,
    updated_by   varchar(100) not null
);
create index districts_outline_bbox on districts_outline (min_lon, max_lon, min_lat, max_lat);

-- One import (or provisional generation) of the city's district boundaries, valid from a local date in the city's
-- zone until the next version's valid_from. Versions and their districts are never rewritten.
create table districts_boundary_version (
    id             bigserial    primary key,
    tenant_id      varchar(40)  not null references platform_tenant (slug),
    number         integer      not null,
    valid_from     date         not null,
    provisional    boolean      not null,
    source         varchar(20)  not null,          -- 'import' | 'provisional'
    mapping        text,                           -- JSON: property mapping / generation parameters used
    district_count integer      not null,
    warnings       text         not null default '[]', -- JSON array of {kind, codes, areaM2, ...}
    created_at     timestamp    not null,
    created_by     varchar(100) not null,
    unique (tenant_id, number)
);
create index districts_boundary_version_at on districts_boundary_version (tenant_id, valid_from desc, id desc);

-- A police district (okrsek) as drawn in one boundary version. Other tables refer to districts_district.id (a
-- district as of that version); the stable identity across versions is (tenant_id, code).
create table districts_district (
    id           bigserial    primary key,
    tenant_id    varchar(40)  not null references platform_tenant (slug),
    version_id   bigint       not null references districts_boundary_version (id),
    code         varchar(60)  not null,
    name         varchar(200) not null,
    borough_id   bigint       references districts_borough (id),
    provisional  boolean      not null,
    geometry_wkb bytea        not null,
    min_lon      double precision not null,
    min_lat      double precision not null,
    max_lon      double precision not null,
    max_lat      double precision not null,
    area_m2      double precision not null,
    unique (version_id, code)
);
create index districts_district_tenant_version on districts_district (tenant_id, version_id);
create index districts_district_tenant_code on districts_district (tenant_id, code);
