package org.gongkai.journeys;

/** The monitoring console journeys on the embedded H2 default. */
@OnH2
class H2MonitoringJourneyTest extends MonitoringJourneyTest {
}
