package org.gongkai.organisation;

import java.time.LocalDate;

/**
 * The agency's 政府信息公开工作机构 as the disclosure guide must show it (条例 Art. 12: name, office
 * address, office hours, phone, fax, internet contact), plus the supervision phone and the leaders
 * responsible for disclosure with the division of work (seed 001 item 14: 「分管负责人工作分工应及时对外公布」).
 *
 * @param updatedOn the date the guide data last changed (shown as the guide's update date)
 */
public record DisclosureOffice(long agencyId, String name, String address, String postcode, String officeHours,
		String phone, String fax, String email, String website, String supervisionPhone, String principalName,
		String leaderName, String leaderTitle, String divisionOfWork, LocalDate updatedOn) {

	public static DisclosureOffice empty(long agencyId) {
		return new DisclosureOffice(agencyId, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
	}

	/** True when the fields Art. 12 requires of the guide are all filled in. */
	public boolean isComplete() {
		return notBlank(name) && notBlank(address) && notBlank(officeHours) && notBlank(phone)
				&& (notBlank(email) || notBlank(website));
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}
}
