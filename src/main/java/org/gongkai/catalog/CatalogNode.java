package org.gongkai.catalog;

/**
 * One node of an agency's disclosure catalogue.
 *
 * @param code unique within the agency; also the node's address ({@code /agencies/{agency}/{code}/})
 * @param emptyExplanation shown on the portal when the node has no item (otherwise an empty node is hidden)
 * @param entry the ten standard fields, for {@link NodeKind#STANDARD_ENTRY} nodes
 */
public record CatalogNode(long id, long agencyId, Long parentId, NodeKind kind, String code, String title,
		String description, int sortOrder, boolean hidden, String emptyExplanation, String timeLimitText,
		TimeLimitRule timeLimit, StandardEntry entry) {

	public boolean isTopLevel() {
		return parentId == null;
	}
}
