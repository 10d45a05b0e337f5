package dev.dsrdesk.security;

/** The attacks against the default run's embedded database. */
class HostileUsersOnH2Test extends HostileUsers {
}
