package org.gongkai.journeys;

/** The suggestion and proposal journeys on the embedded H2 default. */
@OnH2
class H2MotionJourneyTest extends MotionJourneyTest {
}
