package org.gongkai.journeys;

/** The public message journeys on the embedded H2 default. */
@OnH2
class H2MessageJourneyTest extends MessageJourneyTest {
}
