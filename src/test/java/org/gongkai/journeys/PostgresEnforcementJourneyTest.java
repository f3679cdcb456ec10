package org.gongkai.journeys;

/** The enforcement publicity journeys on a real PostgreSQL. */
@OnPostgres
class PostgresEnforcementJourneyTest extends EnforcementJourneyTest {
}
