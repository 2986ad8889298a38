-- Public meetings with citizens: announcement, capacity, registrations (confirmed / waitlisted / cancelled) with a
-- cancel link whose SHA-256 is stored, volunteer sign-up with contact consent, published minutes, erasure of the
-- registrants' personal data N days after the meeting.

create table events_public_meeting (
    id                   bigserial primary key,
    tenant_id            varchar(40)   not null,
    title                varchar(200)  not null,
    body_id              bigint,
    district_code        varchar(60),
    place                varchar(300)  not null,
    start_at             timestamp     not null,
    end_at               timestamp     not null,
    agenda               varchar(4000),
    capacity             integer       not null,
    status               varchar(20)   not null,
    minutes              text,
    minutes_published_at timestamp,
    registrants_erased_at timestamp,
    created_at           timestamp     not null,
    created_by_name      varchar(200)  not null
);
create index events_public_meeting_tenant on events_public_meeting (tenant_id, start_at);

create table events_registration (
    id                bigserial primary key,
    tenant_id         varchar(40)  not null,
    public_meeting_id bigint       not null references events_public_meeting (id) on delete cascade,
    person_key        varchar(64)  not null,
    name              varchar(200),
    email             varchar(254),
    status            varchar(20)  not null,
    volunteer         boolean      not null default false,
    volunteer_role    varchar(200),
    contact_consent   boolean      not null default false,
    cancel_token_hash varchar(64)  not null,
    registered_at     timestamp    not null,
    promoted_at       timestamp,
    cancelled_at      timestamp,
    erased_at         timestamp,
    unique (public_meeting_id, person_key)
);
create index events_registration_meeting on events_registration (public_meeting_id, status, id);
create unique index events_registration_token on events_registration (cancel_token_hash);
