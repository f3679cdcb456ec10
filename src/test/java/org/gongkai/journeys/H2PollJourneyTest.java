package org.gongkai.journeys;

/** The poll journeys on the embedded H2 default. */
@OnH2
class H2PollJourneyTest extends PollJourneyTest {
}
