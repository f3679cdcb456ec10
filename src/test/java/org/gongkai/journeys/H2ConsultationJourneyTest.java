package org.gongkai.journeys;

/** The consultation journeys on the embedded H2 default. */
@OnH2
class H2ConsultationJourneyTest extends ConsultationJourneyTest {
}
