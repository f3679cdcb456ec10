package org.gongkai.inforequest;

import java.time.LocalDate;

/**
 * The console's reply form: the outcome as its annual-report row key, the reply day as text, the basis, reasons,
 * content, the agency responsible for disclosure and the delivery channel; turned into an
 * {@link InfoRequestManagement.Reply}.
 */
class RequestReplyForm {

	private String outcome;

	private String repliedOn;

	private String basis;

	private String reason;

	private String content;

	private String responsibleAgency;

	private ObtainMethod deliveryChannel;

	static RequestReplyForm blank(LocalDate today, ObtainMethod delivery) {
		RequestReplyForm f = new RequestReplyForm();
		f.repliedOn = today.toString();
		f.deliveryChannel = delivery;
		return f;
	}

	/** The reply for the service; an outcome that is not a row of the report, or a malformed day, is a field problem. */
	InfoRequestManagement.Reply reply() {
		Outcome o = null;
		if (outcome != null && !outcome.isBlank()) {
			o = Outcome.fromKey(outcome);
			if (o == null) {
				throw org.gongkai.platform.InvalidInputException.of("outcome", "请从列表中选择答复类型");
			}
		}
		LocalDate on = RequestConsoleInput.date(repliedOn, "repliedOn", "答复之日");
		return new InfoRequestManagement.Reply(o, on, basis, reason, content, responsibleAgency, deliveryChannel);
	}

	public String getOutcome() { return outcome; }
	public void setOutcome(String v) { outcome = v; }
	public String getRepliedOn() { return repliedOn; }
	public void setRepliedOn(String v) { repliedOn = v; }
	public String getBasis() { return basis; }
	public void setBasis(String v) { basis = v; }
	public String getReason() { return reason; }
	public void setReason(String v) { reason = v; }
	public String getContent() { return content; }
	public void setContent(String v) { content = v; }
	public String getResponsibleAgency() { return responsibleAgency; }
	public void setResponsibleAgency(String v) { responsibleAgency = v; }
	public ObtainMethod getDeliveryChannel() { return deliveryChannel; }
	public void setDeliveryChannel(ObtainMethod v) { deliveryChannel = v; }
}
