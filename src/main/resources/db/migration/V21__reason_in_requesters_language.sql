-- Why an entity was asked, in the requester's language (from the routing table's per-language columns); the
-- English reason stays for staff.
alter table entity_step add column reason_to_requester varchar(500);
