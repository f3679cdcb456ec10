package org.gongkai.organisation;

/** Commands accepted by {@link AgencyManagement}; fields are raw input and are validated there. */
public final class AgencyCommands {

	private AgencyCommands() {
	}

	/** Create an agency under {@code parentCode} (null for a root). */
	public record NewAgency(String code, String name, String shortName, AgencyLevel level, AgencyType type,
			String parentCode, String creditCode, String functions, Integer sortOrder) {
	}

	/** Change an agency's data. Code and parent do not change. */
	public record AgencyDetails(String name, String shortName, AgencyLevel level, AgencyType type, String creditCode,
			String functions, Integer sortOrder, Integer version) {
	}

	/** The disclosure work body and the leaders in charge as shown in the guide. */
	public record OfficeDetails(String name, String address, String postcode, String officeHours, String phone,
			String fax, String email, String website, String supervisionPhone, String principalName,
			String leaderName, String leaderTitle, String divisionOfWork) {
	}

	public record NewContact(String name, String position, String phone, String email, String duties,
			Integer sortOrder) {
	}
}
