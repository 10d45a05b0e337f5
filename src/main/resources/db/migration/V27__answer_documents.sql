-- The document a requester sent with the answer to a question about identity (kept in requester_document, removed at
-- closure); the question only names it, so the operator who asked knows the answer came with evidence.
alter table requester_question add column answer_document_id bigint;
