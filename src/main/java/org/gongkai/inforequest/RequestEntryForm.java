package org.gongkai.inforequest;

import java.time.LocalDate;

/**
 * The console's staff entry form for an application received in person, by post, by fax or orally: a mutable
 * bean for binding, turned into the {@link Application} and the Art. 31 receipt date. The date is bound as text so
 * that a malformed day comes back as a field message instead of an error page.
 */
class RequestEntryForm {

	private SubmissionChannel channel;

	private String receivedOn;

	private ApplicantType applicantType;

	private String name;

	private IdType idType;

	private String idNumber;

	private String contactPerson;

	private String phone;

	private String email;

	private String address;

	private String postcode;

	private String description;

	private ProvisionForm provisionForm;

	private ObtainMethod obtainMethod;

	/** A blank form: received in person today, a natural person with a resident identity card. */
	static RequestEntryForm blank(LocalDate today) {
		RequestEntryForm f = new RequestEntryForm();
		f.channel = SubmissionChannel.IN_PERSON;
		f.receivedOn = today.toString();
		f.applicantType = ApplicantType.NATURAL_PERSON;
		f.idType = IdType.RESIDENT_ID;
		return f;
	}

	Application application() {
		return new Application(applicantType, name, idType, idNumber, contactPerson, phone, email, address, postcode, description,
				provisionForm, obtainMethod);
	}

	/** The receipt date as entered; a missing or malformed day is a field problem of {@code receivedOn}. */
	LocalDate receivedOnDate() {
		return RequestConsoleInput.date(receivedOn, "receivedOn", "收到申请之日");
	}

	public SubmissionChannel getChannel() { return channel; }
	public void setChannel(SubmissionChannel v) { channel = v; }
	public String getReceivedOn() { return receivedOn; }
	public void setReceivedOn(String v) { receivedOn = v; }
	public ApplicantType getApplicantType() { return applicantType; }
	public void setApplicantType(ApplicantType v) { applicantType = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public IdType getIdType() { return idType; }
	public void setIdType(IdType v) { idType = v; }
	public String getIdNumber() { return idNumber; }
	public void setIdNumber(String v) { idNumber = v; }
	public String getContactPerson() { return contactPerson; }
	public void setContactPerson(String v) { contactPerson = v; }
	public String getPhone() { return phone; }
	public void setPhone(String v) { phone = v; }
	public String getEmail() { return email; }
	public void setEmail(String v) { email = v; }
	public String getAddress() { return address; }
	public void setAddress(String v) { address = v; }
	public String getPostcode() { return postcode; }
	public void setPostcode(String v) { postcode = v; }
	public String getDescription() { return description; }
	public void setDescription(String v) { description = v; }
	public ProvisionForm getProvisionForm() { return provisionForm; }
	public void setProvisionForm(ProvisionForm v) { provisionForm = v; }
	public ObtainMethod getObtainMethod() { return obtainMethod; }
	public void setObtainMethod(ObtainMethod v) { obtainMethod = v; }
}
