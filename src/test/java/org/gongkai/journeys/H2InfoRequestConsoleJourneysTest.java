package org.gongkai.journeys;

/** The information-request console journeys on the embedded H2 default. */
@OnH2
class H2InfoRequestConsoleJourneysTest extends InfoRequestConsoleJourneys {
}
