-- On the embedded H2 database too, the database itself refuses to change or remove an audit event.
create trigger audit_event_append_only before update, delete on audit_event
    for each row call 'dev.dsrdesk.audit.AppendOnlyTrigger';
