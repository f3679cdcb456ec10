package org.gongkai.journeys;

/** The training journey on a real PostgreSQL. */
@OnPostgres
class PostgresTrainingJourneyTest extends TrainingJourneyTest {
}
