-- Interactive Media S.p.A. (Rome): a small, clearly fictitious contact CRM for the demo. Seeded once.
create table if not exists contact (
    id                     int primary key,
    full_name              varchar(200) not null,
    email                  varchar(254) not null,
    phone                  varchar(40),
    company                varchar(200),
    job_role               varchar(100),
    street                 varchar(200),
    city                   varchar(100),
    postcode               varchar(20),
    country                varchar(2),
    processing_restricted  boolean default false not null,
    marketing_opt_out      boolean default false not null
);
create table if not exists demo_seed (id int primary key);
insert into contact (id, full_name, email, phone, company, job_role, street, city, postcode, country)
select * from (values
    (1, 'Mario Rossi', 'mario.rossi@example.com', '+39 06 5550 0101', 'Esempio Costruzioni S.r.l.', 'Buyer', 'Via dell''Esempio 1', 'Roma', '00100', 'IT'),
    (2, 'Giulia Bianchi', 'Giulia.Bianchi@example.com', '+39 06 5550 0102', 'Fittizia S.p.A.', 'CTO', 'Piazza Immaginaria 7', 'Milano', '20100', 'IT'),
    (3, 'Ana Souza', 'ana.souza@example.net', null, 'Exemplo Ltda', 'Partner manager', null, 'São Paulo', null, 'BR'),
    (4, 'Mario Rossini', 'mario.rossi2@example.com', null, 'Altro Esempio S.r.l.', 'Sales', null, 'Napoli', null, 'IT')
) where not exists (select 1 from demo_seed);
merge into demo_seed key (id) values (1);
