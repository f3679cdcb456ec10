package org.gongkai.journeys;

/** The annual report journeys on the embedded H2 default. */
@OnH2
class H2AnnualReportJourneyTest extends AnnualReportJourneyTest {
}
