-- PhoneMyBot, Inc. (Pleasant Hill, CA): clearly fictitious bot-service accounts. Seeded once.
create table if not exists bot_account (
    id            int primary key,
    owner_name    varchar(200) not null,
    owner_email   varchar(254) not null,
    bot_name      varchar(100),
    phone_number  varchar(40),
    created_at    timestamp,
    disabled      boolean default false not null
);
create table if not exists demo_seed (id int primary key);
insert into bot_account (id, owner_name, owner_email, bot_name, phone_number, created_at)
select * from (values
    (1, 'Pat Lee', 'pat.lee@example.org', 'Pat''s helpdesk bot', '+1 925 555 0101', timestamp '2023-08-14 16:45:00'),
    (2, 'Mario Rossi', 'mario.rossi@example.com', 'Costruzioni FAQ bot', '+1 925 555 0102', timestamp '2024-01-22 08:00:00'),
    (3, 'Sam Example', 'sam@example.org', 'Sam''s bot', null, timestamp '2024-03-03 12:00:00')
) where not exists (select 1 from demo_seed);
merge into demo_seed key (id) values (1);
