-- Platform-level audit: actions on cities as a whole (onboarding, offboarding) that must outlive the city's own
-- rows. No foreign key to platform_tenant on purpose: the record of an offboarding stays after the city is gone.
-- (Platform versions V20-V29 are reserved for hardening.)
create table platform_admin_audit (
    id          bigserial primary key,
    at          timestamp    not null,
    person_id   varchar(100) not null,
    person_name varchar(200) not null,
    action      varchar(100) not null,
    city        varchar(40)  not null,
    detail      text
);
create index platform_admin_audit_at on platform_admin_audit (at desc, id desc);
