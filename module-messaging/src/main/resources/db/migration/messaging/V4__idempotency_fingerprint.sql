-- A reused Idempotency-Key answers the earlier matter only for the same request: the SHA-256 of the submission's
-- fields is kept beside the key (null for matters stored before this column, which replay as before).
alter table messaging_matter add column idempotency_fingerprint varchar(64);
