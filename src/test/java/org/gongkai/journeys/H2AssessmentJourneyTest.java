package org.gongkai.journeys;

/** The assessment journeys on the embedded H2 default. */
@OnH2
class H2AssessmentJourneyTest extends AssessmentJourneyTest {
}
