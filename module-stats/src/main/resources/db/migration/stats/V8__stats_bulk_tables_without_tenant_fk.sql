-- stats module, V8: the two tables an import fills row by row lose their foreign key to platform_tenant. The key's
-- check is a lookup per inserted row (a trigger), and it doubled the insert time of an import: 300,000 records into
-- the record table in 8.9 s with it and 4.6 s without (same run). What the key guarded is kept by the module itself:
-- rows are written only for a city resolved by the platform, and offboarding deletes the city's rows through the
-- module's offboard hook in the same transaction as the city (StatsModule.offboard), before the tenant row goes.
alter table stats_crime_record drop constraint if exists stats_crime_record_tenant_id_fkey;
alter table stats_crime_aggregate drop constraint if exists stats_crime_aggregate_tenant_id_fkey;
