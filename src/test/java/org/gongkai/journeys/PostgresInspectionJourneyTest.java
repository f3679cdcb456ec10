package org.gongkai.journeys;

/** The random-inspection journeys on a real PostgreSQL. */
@OnPostgres
class PostgresInspectionJourneyTest extends InspectionJourneyTest {
}
