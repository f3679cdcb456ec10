package org.gongkai.inforequest;

/**
 * The content of an application (条例 Art. 29 ¶2): who applies with their identity proof and contact, which
 * information, and in what form and by what way it is to be provided.
 */
public record Application(ApplicantType applicantType, String name, IdType idType, String idNumber, String contactPerson,
		String phone, String email, String address, String postcode, String description, ProvisionForm provisionForm,
		ObtainMethod obtainMethod) {
}
