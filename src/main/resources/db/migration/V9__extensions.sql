-- GDPR Art. 12(3): the period may be extended once, by at most two further months, with a reasoned notice
-- sent within the first month. The original due date stays; the extended one is kept beside it.
alter table data_subject_request add column extended_due_date date;
alter table data_subject_request add column extension_reason varchar(2000);
alter table data_subject_request add column extended_at timestamp(6) with time zone;
alter table data_subject_request add column extended_by varchar(64);
