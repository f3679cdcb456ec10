package org.gongkai.journeys;

/** The power list and service guide journeys on the embedded H2 default. */
@OnH2
class H2PowerListJourneyTest extends PowerListJourneyTest {
}
