package org.gongkai.journeys;

/** The assessment journeys on a real PostgreSQL. */
@OnPostgres
class PostgresAssessmentJourneyTest extends AssessmentJourneyTest {
}
