-- What a connector found in an entity's systems, shown to the entity before anything is changed.
alter table entity_step add column preview varchar(100000);
alter table entity_step add column rows_found integer;
