package org.gongkai.journeys;

/** The publication journeys on a real PostgreSQL. */
@OnPostgres
class PostgresPublicationJourneysTest extends PublicationJourneys {
}
