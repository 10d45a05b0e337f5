-- Requests received by post, phone or in person are entered by an operator, who later notes the
-- evidence of identity that was checked.
alter table data_subject_request add column channel varchar(16) default 'SELF_SERVICE' not null;
alter table data_subject_request add column entered_by varchar(64);
alter table data_subject_request add column identity_evidence varchar(2000);
