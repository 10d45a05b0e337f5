-- IM Interactive Media Brasil (São Paulo): clearly fictitious support contacts and their tickets. Seeded once.
create table if not exists support_contact (
    id                    int primary key,
    nome                  varchar(200) not null,
    email                 varchar(254) not null,
    telefone              varchar(40),
    empresa               varchar(200),
    tratamento_restrito   boolean default false not null
);
create table if not exists ticket (
    id               int primary key,
    requester_email  varchar(254),
    subject          varchar(300),
    opened_at        timestamp not null
);
create table if not exists demo_seed (id int primary key);
insert into support_contact (id, nome, email, telefone, empresa)
select * from (values
    (1, 'Ana Souza', 'ana.souza@example.net', '+55 11 5555 0101', 'Exemplo Ltda'),
    (2, 'Mario Rossi', 'MARIO.ROSSI@EXAMPLE.COM', null, 'Esempio Costruzioni S.r.l.'),
    (3, 'João Exemplo', 'joao@example.net', '+55 11 5555 0103', 'Fictícia S.A.')
) where not exists (select 1 from demo_seed);
insert into ticket (id, requester_email, subject, opened_at)
select * from (values
    (1, 'ana.souza@example.net', 'Chatbot não responde', timestamp '2024-02-01 10:00:00'),
    (2, 'ana.souza@example.net', 'Fatura duplicada', timestamp '2024-05-13 15:20:00'),
    (3, 'joao@example.net', 'Troca de plano', timestamp '2024-06-02 09:00:00')
) where not exists (select 1 from demo_seed);
merge into demo_seed key (id) values (1);
