package org.gongkai.journeys;

/** The open-meeting journey on the embedded H2 default. */
@OnH2
class H2MeetingJourneyTest extends MeetingJourneyTest {
}
