package org.gongkai.journeys;

/** The public information-request pages on the embedded H2 default. */
@OnH2
class H2InfoRequestPortalJourneysTest extends InfoRequestPortalJourneys {
}
