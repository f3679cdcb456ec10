package org.gongkai.powers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An enforcement decision: a licence decision (LicenceDecision), a penalty decision (PenaltyDecision), a compulsory
 * measure or another enforcement decision, with its publication. {@code partyIdNumber} is shown in full only to the deciding
 * agency's own staff ({@link EnforcementRules#asSeenBy}); public pages, feeds and API responses carry it masked, only
 * the first six and last four characters kept ({@link EnforcementRules#maskIdNumber}), and a natural person's name is
 * shown masked ({@link EnforcementRules#maskName}).
 *
 * @param publishBy the last day of the publication limit ({@link EnforcementRules#publishWorkingDays})
 * @param publicationLate whether it was published after {@code publishBy} (null while unpublished)
 * @param withdrawBy the last day to withdraw a changed decision ({@link EnforcementRules#WITHDRAW_WORKING_DAYS} working days)
 * @param withdrawByProvisional whether {@code withdrawBy} was counted into a year whose holiday notice was not loaded
 *        (counted again when it is)
 */
public record Decision(long id, long agencyId, DecisionKind kind, String decisionNumber, DecisionPartyType partyType,
		String partyName, String partyCreditCode, String partyIdNumber, String category, LocalDate decidedOn, String content,
		String basis, BigDecimal amountYuan, LocalDate validUntil, DecisionStatus status, LocalDate publishBy,
		boolean publishByProvisional, LocalDate publishedOn, Instant publishedAt, String publishedBy, Boolean publicationLate,
		DecisionChangeKind changeKind, LocalDate changedOn, String changeReason, LocalDate withdrawBy, boolean withdrawByProvisional, LocalDate withdrawnOn,
		Instant withdrawnAt, Boolean withdrawalLate, LocalDate offlineOn, int version, String createdBy, Instant createdAt,
		Instant updatedAt) {

	/** Whether the decision has a public page: published, or withdrawn after publication (its notice). */
	public boolean hasPublicPage() {
		return status == DecisionStatus.PUBLISHED || (status == DecisionStatus.WITHDRAWN && publishedOn != null);
	}

	/** Not yet published and past its publication limit. */
	public boolean overdue(LocalDate today) {
		return status == DecisionStatus.DRAFT && changeKind == null && publishBy.isBefore(today);
	}

	/** The party's name as the public sees it ({@link EnforcementRules#masksPartyName}). */
	public String publicPartyName() {
		return EnforcementRules.masksPartyName(partyType, partyCreditCode) ? EnforcementRules.maskName(partyName) : partyName;
	}
}
