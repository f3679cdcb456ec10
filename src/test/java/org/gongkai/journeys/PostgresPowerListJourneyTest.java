package org.gongkai.journeys;

/** The power list and service guide journeys on a real PostgreSQL. */
@OnPostgres
class PostgresPowerListJourneyTest extends PowerListJourneyTest {
}
