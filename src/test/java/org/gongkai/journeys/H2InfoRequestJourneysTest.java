package org.gongkai.journeys;

/**
 * The information-request journeys on the embedded H2 default, in an application of their own: one journey loads next
 * year's holiday notice, which the interpretation and platform journeys expect not loaded.
 */
@OnFreshH2
class H2InfoRequestJourneysTest extends InfoRequestJourneys {
}
