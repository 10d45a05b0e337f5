-- Which of the requester's identifiers the desk verified, and how: only these are keys for automated search,
-- export or change. Self-service requests verified before now were verified by the emailed link; for staff-entered
-- ones no review said which identifier it checked, so none counts as verified.
alter table data_subject_request add column email_checked_by varchar(20);
alter table data_subject_request add column phone_checked_by varchar(20);
update data_subject_request set email_checked_by = 'EMAIL_LINK' where verified_at is not null and channel = 'SELF_SERVICE';

-- Rows found only through an identifier nobody verified: shown to the entity's person as possible matches, acted on
-- only where that person included them.
alter table entity_step add column possible_matches varchar(10000);
alter table entity_step add column included_matches varchar(500);
