-- A second request for the same right from the same verified email, while the first is open, is linked to it.
alter table data_subject_request add column linked_to varchar(20);
create index idx_dsr_email_type on data_subject_request (email, request_type);
