package org.gongkai.journeys;

/**
 * The information-request journeys on a real PostgreSQL, in an application of their own: one journey loads next year's
 * holiday notice, which the interpretation and platform journeys expect not loaded.
 */
@OnFreshPostgres
class PostgresInfoRequestJourneysTest extends InfoRequestJourneys {
}
