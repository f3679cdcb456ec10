package org.gongkai.powers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A decision as staff enter it. {@code partyType} defaults to a natural person (the masked form) when omitted;
 * {@code partyIdNumber} is recorded for a natural person only and published masked, only its first six and last four
 * characters kept ({@link EnforcementRules#maskIdNumber}).
 */
public record DecisionSubmission(Long agencyId, DecisionKind kind, String decisionNumber, DecisionPartyType partyType,
		String partyName, String partyCreditCode, String partyIdNumber, String category, LocalDate decidedOn, String content,
		String basis, BigDecimal amountYuan, LocalDate validUntil) {
}
