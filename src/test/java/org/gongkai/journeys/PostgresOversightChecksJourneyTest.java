package org.gongkai.journeys;

/** The oversight self-check, inspection and bulletin journeys on PostgreSQL. */
@OnPostgres
class PostgresOversightChecksJourneyTest extends OversightChecksJourneyTest {
}
