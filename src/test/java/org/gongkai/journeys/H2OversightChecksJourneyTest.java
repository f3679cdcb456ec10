package org.gongkai.journeys;

/** The oversight self-check, inspection and bulletin journeys on the embedded H2 default. */
@OnH2
class H2OversightChecksJourneyTest extends OversightChecksJourneyTest {
}
