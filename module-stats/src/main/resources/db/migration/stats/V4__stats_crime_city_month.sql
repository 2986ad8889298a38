-- stats module, V4: a city × month rollup of stats_crime_aggregate (offences, cleared, not cleared, one column per
-- platform category), maintained by the importer in the same transaction. The coordinators' comparison reads it:
-- 12 narrow rows per city and year instead of every district × category × type × outcome row.
create table stats_crime_city_month (
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    month         date          not null,
    offences      bigint        not null default 0,
    cleared       bigint        not null default 0,
    not_cleared   bigint        not null default 0,
    c_violence    bigint        not null default 0,
    c_sexual      bigint        not null default 0,
    c_robbery     bigint        not null default 0,
    c_burglary    bigint        not null default 0,
    c_theft       bigint        not null default 0,
    c_vehicle     bigint        not null default 0,
    c_damage      bigint        not null default 0,
    c_drugs       bigint        not null default 0,
    c_weapons     bigint        not null default 0,
    c_public_order bigint        not null default 0,
    c_fraud       bigint        not null default 0,
    c_anti_social bigint        not null default 0,
    c_other       bigint        not null default 0,
    primary key (tenant_id, month)
);
create index stats_crime_city_month_month on stats_crime_city_month (month);

insert into stats_crime_city_month (tenant_id, month, offences, cleared, not_cleared, c_violence, c_sexual,
    c_robbery, c_burglary, c_theft, c_vehicle, c_damage, c_drugs, c_weapons, c_public_order, c_fraud, c_anti_social,
    c_other)
select tenant_id, month, sum(count), coalesce(sum(count) filter (where cleared = 'cleared'), 0),
       coalesce(sum(count) filter (where cleared = 'not-cleared'), 0),
       coalesce(sum(count) filter (where category = 'violence'), 0),
       coalesce(sum(count) filter (where category = 'sexual'), 0),
       coalesce(sum(count) filter (where category = 'robbery'), 0),
       coalesce(sum(count) filter (where category = 'burglary'), 0),
       coalesce(sum(count) filter (where category = 'theft'), 0),
       coalesce(sum(count) filter (where category = 'vehicle'), 0),
       coalesce(sum(count) filter (where category = 'damage'), 0),
       coalesce(sum(count) filter (where category = 'drugs'), 0),
       coalesce(sum(count) filter (where category = 'weapons'), 0),
       coalesce(sum(count) filter (where category = 'public-order'), 0),
       coalesce(sum(count) filter (where category = 'fraud'), 0),
       coalesce(sum(count) filter (where category = 'anti-social'), 0),
       coalesce(sum(count) filter (where category = 'other'), 0)
from stats_crime_aggregate group by tenant_id, month;
