-- Single-use confirmation of the citizen's e-mail address: reply notifications go only to a confirmed address.
alter table messaging_matter add column email_confirmed_at timestamp;
alter table messaging_matter add column confirm_hash varchar(64);
