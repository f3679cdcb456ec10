package org.gongkai.journeys;

/** The work plan journey on a real PostgreSQL. */
@OnPostgres
class PostgresWorkPlanJourneyTest extends WorkPlanJourneyTest {
}
