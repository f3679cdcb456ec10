package org.gongkai.journeys;

/** The random-inspection journeys on the embedded H2 default. */
@OnH2
class H2InspectionJourneyTest extends InspectionJourneyTest {
}
