package org.gongkai.oversight;

/**
 * One item of the self-check checklist kept as data by the supervisor.
 *
 * @param figureKey the automatic-inspection figure whose value is shown beside the item (null for none)
 */
public record SelfCheckItem(long id, String label, String guidance, String figureKey, int sortOrder, boolean active) {
}
