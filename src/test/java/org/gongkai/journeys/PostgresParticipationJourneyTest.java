package org.gongkai.journeys;

/**
 * The participation journeys across the four kinds on a real PostgreSQL, in an application of their own: it publishes
 * the development and reform bureau's decision catalogue of this year, which the major-decision journeys expect
 * unpublished.
 */
@OnFreshPostgres
class PostgresParticipationJourneyTest extends ParticipationJourneyTest {
}
