package org.gongkai.journeys;

/** The poll journeys on a real PostgreSQL. */
@OnPostgres
class PostgresPollJourneyTest extends PollJourneyTest {
}
