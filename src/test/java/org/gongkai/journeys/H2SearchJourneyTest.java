package org.gongkai.journeys;

/** The search journeys on the embedded H2 default. */
@OnH2
class H2SearchJourneyTest extends SearchJourneyTest {
}
