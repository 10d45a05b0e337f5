-- The routing decision records, for every entity, whether it is asked and why; an entity that is not
-- asked has no due date.
alter table entity_step add column reason varchar(500);
alter table entity_step alter column due_date drop not null;
alter table entity_step alter column action drop not null;
