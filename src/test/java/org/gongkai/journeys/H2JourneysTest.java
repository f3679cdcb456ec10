package org.gongkai.journeys;

/** The journeys on the embedded default: an H2 file database in a fresh folder. */
@OnH2
class H2JourneysTest extends PlatformJourneys {
}
