package org.gongkai.organisation;

/** Published after anything public about an agency changed (its data, its guide, its status). */
public record AgencyChanged(long agencyId, String code) {
}
