package org.gongkai.platform;

import java.io.Serializable;

/**
 * A role held for one agency ({@code subtree == false}) or for that agency and every agency below it.
 * A {@link Role#SYSTEM_ADMIN} grant applies everywhere and has no agency.
 */
public record RoleGrant(Role role, Long agencyId, boolean subtree) implements Serializable {
}
