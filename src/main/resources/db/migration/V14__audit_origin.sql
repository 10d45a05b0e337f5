-- From where an event came: the client address and endpoint of a web request, or a background job.
alter table audit_event add column origin varchar(300);
