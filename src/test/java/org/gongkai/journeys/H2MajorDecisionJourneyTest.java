package org.gongkai.journeys;

/** The major-decision catalogue journeys on the embedded H2 default. */
@OnH2
class H2MajorDecisionJourneyTest extends MajorDecisionJourneyTest {
}
