-- When a closed request's personal data was removed at the end of its retention period (policy section 5).
alter table data_subject_request add column purged_at timestamp(6) with time zone;

create index idx_dsr_closed_unpurged on data_subject_request (closed_at, purged_at);
