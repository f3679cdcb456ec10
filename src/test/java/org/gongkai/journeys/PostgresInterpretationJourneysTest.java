package org.gongkai.journeys;

/**
 * The interpretation journeys on a real PostgreSQL, in an application of their own: one journey loads next year's
 * holiday notice, which the information-request and platform journeys expect not loaded.
 */
@OnFreshPostgres
class PostgresInterpretationJourneysTest extends InterpretationJourneys {
}
