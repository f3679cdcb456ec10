package org.gongkai.organisation;

/**
 * Published, besides {@link AgencyChanged}, when an agency was abolished ({@code active} false) or restored: every
 * public record of the agency left or came back to the portal with it.
 */
public record AgencyActivationChanged(long agencyId, boolean active) {
}
