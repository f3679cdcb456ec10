package org.gongkai.journeys;

/** The suggestion and proposal journeys on a real PostgreSQL. */
@OnPostgres
class PostgresMotionJourneyTest extends MotionJourneyTest {
}
