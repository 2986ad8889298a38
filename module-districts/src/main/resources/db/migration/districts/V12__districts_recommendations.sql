-- districts module, V12 (people and places, part 3): safety recommendations per locale, per district or city-wide
-- (district_code null), ordered by position.
create table districts_recommendation (
    id            bigserial     primary key,
    tenant_id     varchar(40)   not null references platform_tenant (slug),
    district_code varchar(60),
    locale        varchar(20)   not null,           -- BCP 47, one of the city's locales
    position      integer       not null,
    title         varchar(200),
    text          varchar(4000) not null,
    created_at    timestamp     not null,
    created_by    varchar(100)  not null,
    updated_at    timestamp     not null,
    updated_by    varchar(100)  not null
);
create index districts_recommendation_list on districts_recommendation (tenant_id, locale, district_code, position);
