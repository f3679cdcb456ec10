package org.gongkai.interaction;

/** A leader's mailbox (领导信箱) of an agency, e.g. 县长信箱; messages to it are reviewed by the agency. */
public record Mailbox(long id, long agencyId, String name, String holder, String holderTitle, String description,
		boolean active, int sortOrder) {
}
