package org.gongkai.journeys;

/**
 * The participation journeys across the four kinds on the embedded H2 default, in an application of their own: it
 * publishes the development and reform bureau's decision catalogue of this year, which the major-decision journeys
 * expect unpublished.
 */
@OnFreshH2
class H2ParticipationJourneyTest extends ParticipationJourneyTest {
}
