package org.gongkai.journeys;

/** The public message journeys on a real PostgreSQL. */
@OnPostgres
class PostgresMessageJourneyTest extends MessageJourneyTest {
}
