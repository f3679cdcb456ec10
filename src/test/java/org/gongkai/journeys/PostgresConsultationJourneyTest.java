package org.gongkai.journeys;

/** The consultation journeys on a real PostgreSQL. */
@OnPostgres
class PostgresConsultationJourneyTest extends ConsultationJourneyTest {
}
