package org.gongkai.journeys;

/**
 * The interpretation journeys on the embedded H2 default, in an application of their own: one journey loads next
 * year's holiday notice, which the information-request and platform journeys expect not loaded.
 */
@OnFreshH2
class H2InterpretationJourneysTest extends InterpretationJourneys {
}
