package org.gongkai.journeys;

/** The annual report journeys on a real PostgreSQL. */
@OnPostgres
class PostgresAnnualReportJourneyTest extends AnnualReportJourneyTest {
}
