package org.gongkai.journeys;

/** The training journey on the embedded H2 default. */
@OnH2
class H2TrainingJourneyTest extends TrainingJourneyTest {
}
