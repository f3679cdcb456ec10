package org.gongkai.interpretation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the interpretation module keeps about one policy document: the agency's mark that it needs
 * interpretation, the interpretation plan (解读方案: 时间, 途径, 形式, 提纲), the leader's recorded reason when no
 * interpretation is needed, and — for a policy likely to draw public attention — the public-opinion risk
 * assessment and response plan (seed 003 (四)).
 */
public record PolicyDossier(long documentId, long agencyId, boolean needsInterpretation, boolean drawsAttention,
		LocalDate planOn, String planChannels, String planForms, String planOutline, String waiverReason, String waivedBy,
		RiskLevel riskLevel, String riskAssessment, String responsePlan, String updatedBy, Instant updatedAt) {

	public static PolicyDossier empty(long documentId, long agencyId) {
		return new PolicyDossier(documentId, agencyId, false, false, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	/** The plan has all four parts 三同步 asks for. */
	public boolean hasPlan() {
		return planOn != null && planChannels != null && planForms != null && planOutline != null;
	}

	public boolean hasRiskAssessment() {
		return riskLevel != null && riskAssessment != null && responsePlan != null;
	}

	public boolean isWaived() {
		return waiverReason != null;
	}

	/** Public-opinion risk (舆情风险) of a policy. */
	public enum RiskLevel {
		LOW("低"), MEDIUM("中"), HIGH("高");

		private final String label;

		RiskLevel(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
