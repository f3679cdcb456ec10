package org.gongkai.inforequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An application for disclosure (政府信息公开申请) and where its handling stands.
 *
 * @param receivedOn 收到申请之日 by Art. 31; null while an online, fax or ordinary-mail application awaits confirmation
 * @param dueOn the reply due date computed by {@link RequestClock}, stored with {@code dueRule}
 * @param overdueSince the first day the request was found past its due date by the daily sweep
 * @param enteredForApplicant an oral application written down by staff (代为填写, Art. 29 ¶1)
 */
public record InfoRequest(long id, long agencyId, String trackingCode, SubmissionChannel channel,
		ApplicantType applicantType, String applicantName, IdType idType, String idNumber, String contactPerson,
		String phone, String email, String address, String postcode, String description, ProvisionForm provisionForm,
		ObtainMethod obtainMethod, boolean enteredForApplicant, Instant submittedAt, LocalDate receivedOn,
		RequestStatus status, String handler, LocalDate dueOn, String dueRule, boolean dueProvisional,
		LocalDate overdueSince, LocalDate correctionRequestedOn, String correctionItems, Integer correctionPeriodDays,
		LocalDate correctionDueOn, LocalDate correctionReceivedOn, int extensionDays, String extensionReason,
		String extensionApprovedBy, LocalDate extensionApprovedOn, LocalDate extensionNoticeOn, LocalDate customDueOn,
		String customDueReason, LocalDate customDueNoticeOn, FeeMethod feeMethod, Integer feeQuantity,
		BigDecimal feeAmount, LocalDate feeNoticeOn, LocalDate feePayBy, LocalDate feePaidOn, Outcome outcome,
		LocalDate repliedOn, String replyBasis, String replyReason, String replyContent, String responsibleAgency,
		String reconsiderationNotice, ObtainMethod deliveryChannel, LocalDate deliveredOn, LocalDate closedOn,
		int version, String createdBy, Instant createdAt, Instant updatedAt) {

	/** The day the reply clock starts: the corrected application's receipt, or the original receipt. */
	public LocalDate clockStart() {
		return correctionReceivedOn != null ? correctionReceivedOn : receivedOn;
	}

	public boolean correctionAsked() {
		return correctionRequestedOn != null;
	}

	/** The last four characters of the phone number: what the applicant gives to see the tracking page. */
	public String verifier() {
		String digits = phone == null ? "" : phone.replaceAll("\\D", "");
		return digits.length() < 4 ? digits : digits.substring(digits.length() - 4);
	}
}
