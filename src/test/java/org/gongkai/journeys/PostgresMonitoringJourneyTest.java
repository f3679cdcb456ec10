package org.gongkai.journeys;

/** The monitoring console journeys on a real PostgreSQL. */
@OnPostgres
class PostgresMonitoringJourneyTest extends MonitoringJourneyTest {
}
