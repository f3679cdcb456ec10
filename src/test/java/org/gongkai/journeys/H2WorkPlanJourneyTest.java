package org.gongkai.journeys;

/** The work plan journey on the embedded H2 default. */
@OnH2
class H2WorkPlanJourneyTest extends WorkPlanJourneyTest {
}
