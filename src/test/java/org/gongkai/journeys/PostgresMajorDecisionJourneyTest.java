package org.gongkai.journeys;

/** The major-decision catalogue journeys on a real PostgreSQL. */
@OnPostgres
class PostgresMajorDecisionJourneyTest extends MajorDecisionJourneyTest {
}
