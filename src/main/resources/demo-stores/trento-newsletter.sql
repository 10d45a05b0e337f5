-- IM Service Lab Srl (Trento): a clearly fictitious newsletter list with consent timestamps. Seeded once.
create table if not exists subscriber (
    id             int primary key,
    email          varchar(254) not null,
    first_name     varchar(100),
    subscribed_at  timestamp,
    consent_given  boolean default true not null,
    consent_at     timestamp,
    unsubscribed   boolean default false not null
);
create table if not exists demo_seed (id int primary key);
insert into subscriber (id, email, first_name, subscribed_at, consent_at)
select * from (values
    (1, ' Mario.Rossi@Example.com ', 'Mario', timestamp '2021-03-04 09:15:00', timestamp '2021-03-04 09:15:00'),
    (2, 'giulia.bianchi@example.com', 'Giulia', timestamp '2022-11-20 18:02:00', timestamp '2022-11-20 18:02:00'),
    (3, 'someone.else@example.org', 'Someone', timestamp '2023-01-09 07:30:00', timestamp '2023-01-09 07:30:00')
) where not exists (select 1 from demo_seed);
merge into demo_seed key (id) values (1);
