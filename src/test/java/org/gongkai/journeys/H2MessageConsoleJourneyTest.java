package org.gongkai.journeys;

/** The message console journeys on the embedded H2 default. */
@OnH2
class H2MessageConsoleJourneyTest extends MessageConsoleJourneyTest {
}
