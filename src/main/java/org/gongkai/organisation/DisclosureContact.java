package org.gongkai.organisation;

/** A staff member designated for disclosure work (信息公开工作人员 / 联络员). */
public record DisclosureContact(long id, long agencyId, String name, String position, String phone, String email,
		String duties, int sortOrder) {
}
