-- What an entity did besides listing records: erased and kept (Art. 17(3)), before/after (Art. 16),
-- restricted or stopped, and the further recipients it informed (Art. 19).
alter table entity_step add column action_taken varchar(4000);
alter table entity_step add column retained varchar(4000);
alter table entity_step add column retention_reason varchar(1000);
alter table entity_step add column value_before varchar(4000);
alter table entity_step add column value_after varchar(4000);
alter table entity_step add column recipients_notified varchar(2000);
