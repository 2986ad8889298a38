-- stats module, V9: the record table loses its primary key (tenant, source, record id) and gains each row's line in
-- its import file; an index on (tenant, source, import) takes the key's place. The key made every imported row a
-- random insertion into a B-tree of 64-character ids: 1,000,000 police.uk ids took 13 s against 3 s for the same rows
-- into the table without it (same run), most of an import's time. Idempotency by (city, source, record id) is now
-- kept by the importer, the table's only writer: an import COPYs its rows in, then deletes those whose id the city
-- already had for that source, or that repeat an earlier line of the same file (a hash join), all in one transaction
-- that holds an advisory lock on (city, source), so two imports of one city and source never keep an id twice.
alter table stats_crime_record drop constraint if exists stats_crime_record_pkey;
alter table stats_crime_record add column if not exists line bigint;
create index if not exists stats_crime_record_import on stats_crime_record (tenant_id, source, import_id);
