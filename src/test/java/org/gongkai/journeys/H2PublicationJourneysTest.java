package org.gongkai.journeys;

/** The publication journeys on the embedded H2 default. */
@OnH2
class H2PublicationJourneysTest extends PublicationJourneys {
}
