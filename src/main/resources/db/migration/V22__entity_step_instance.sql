-- The entity-fulfilment process instance working a step: listeners and connectors find the request and the entity
-- through it, never through variables a person could send with a task.
alter table entity_step add column process_instance_id varchar(64);
create index entity_step_process_instance on entity_step (process_instance_id);
