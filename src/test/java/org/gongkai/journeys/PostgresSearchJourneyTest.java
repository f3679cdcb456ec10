package org.gongkai.journeys;

/** The search journeys on a real PostgreSQL. */
@OnPostgres
class PostgresSearchJourneyTest extends SearchJourneyTest {
}
