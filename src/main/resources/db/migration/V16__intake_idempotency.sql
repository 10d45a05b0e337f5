-- A client that retries POST /api/requests with the same Idempotency-Key gets the request it already created.
-- Keys are stored as hashes; the fingerprint (a hash of the submission) tells a retry from a different request.
create table intake_idempotency_key (
    key_hash     varchar(64) primary key,
    fingerprint  varchar(64) not null,
    reference    varchar(20) not null,
    created_at   timestamp(6) with time zone not null
);

create index idx_intake_idempotency_reference on intake_idempotency_key (reference);
