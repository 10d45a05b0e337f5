-- Whether an erasure kept some data (a legal obligation, GDPR Art. 17(3)): a fact about the answer, not about the
-- person, so it outlives the purge that empties entity_step.retained, and a report of any year can still tell an
-- erasure answered in part from one answered in full.
alter table entity_step add column kept_data boolean default false not null;
update entity_step set kept_data = true where retained is not null and trim(retained) <> '';
