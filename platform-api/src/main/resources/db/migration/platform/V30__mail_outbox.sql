-- Outgoing e-mail (cz.safecity.platform.mail): a module enqueues a row in its own transaction (Outbox), the sender
-- delivers pending rows to the SMTP server and retries with backoff (MailSender). No foreign key to
-- platform_tenant: offboarding a city deletes its rows here (Outbox.purge) without ordering constraints.
-- (Platform version V30 belongs to the mail facility; V20-V29 are reserved for hardening.)
create table platform_mail_outbox (
    id              bigserial primary key,
    tenant_id       varchar(40)  not null,
    recipient       varchar(320) not null,
    subject         text         not null,
    body            text         not null,
    status          varchar(10)  not null default 'pending', -- pending, sent, failed (gave up)
    attempts        integer      not null default 0,
    next_attempt_at timestamp    not null,
    last_error      text,
    created_at      timestamp    not null,
    sent_at         timestamp
);
create index platform_mail_outbox_due on platform_mail_outbox (next_attempt_at) where status = 'pending';
create index platform_mail_outbox_tenant on platform_mail_outbox (tenant_id);
