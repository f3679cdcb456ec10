package org.gongkai.journeys;

/** The open-meeting journey on a real PostgreSQL. */
@OnPostgres
class PostgresMeetingJourneyTest extends MeetingJourneyTest {
}
