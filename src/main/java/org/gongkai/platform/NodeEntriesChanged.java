package org.gongkai.platform;

/** A module's {@link NodeEntries} of an agency's column changed: the column's public page is rewritten. */
public record NodeEntriesChanged(long agencyId, String nodeCode) {
}
