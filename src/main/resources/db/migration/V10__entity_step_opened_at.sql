-- When an entity's step was opened, so the dashboard can tell how long each entity takes.
alter table entity_step add column opened_at timestamp(6) with time zone;
