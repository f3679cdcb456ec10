package org.gongkai.journeys;

/** The enforcement publicity journeys on the embedded H2 default. */
@OnH2
class H2EnforcementJourneyTest extends EnforcementJourneyTest {
}
