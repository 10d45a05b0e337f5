-- The managers' dashboard at 100,000 open steps (issue 8): open steps per entity and open-and-late are counted
-- from an index, and the speed of the last 90 days reads only the steps answered in that window.
create index idx_entity_step_open on entity_step (state, entity_id, due_date);
create index idx_entity_step_completed on entity_step (completed_at);
