-- Every statutory clock a request runs under (GDPR, LGPD, CCPA), kept visible beside the decisive due date.
alter table data_subject_request add column regimes varchar(2000);
