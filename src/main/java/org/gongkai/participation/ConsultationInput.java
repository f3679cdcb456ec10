package org.gongkai.participation;

import java.time.LocalDate;

/**
 * A consultation as staff enter it (console form or API). Dates and enumerated values arrive parsed; a value that
 * could not be parsed arrives as null together with the field's name in {@code unreadable}, so that the service names
 * every problem at once.
 *
 * @param agency the agency's code
 * @param decisionId the major decision the draft belongs to (kind {@code decision}), or null
 */
public record ConsultationInput(String agency, String title, String draft, String basis, String explanation,
		LocalDate opensOn, LocalDate closesOn, String shortReason, String channelEmail, String channelPost, String channelFax,
		String channelPhone, Long decisionId, ConsultationFieldRule nameRule, ConsultationFieldRule contactRule,
		boolean commentsPublic, java.util.Set<String> unreadable) {

	public ConsultationInput {
		unreadable = unreadable == null ? java.util.Set.of() : java.util.Set.copyOf(unreadable);
	}
}
