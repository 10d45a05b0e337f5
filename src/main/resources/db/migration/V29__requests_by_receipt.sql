-- The reports read one period of requests by the day they were received; without an index every report reads the
-- whole table.
create index idx_dsr_received_at on data_subject_request (received_at);
