package org.gongkai.journeys;

/** The message console journeys on a real PostgreSQL. */
@OnPostgres
class PostgresMessageConsoleJourneyTest extends MessageConsoleJourneyTest {
}
