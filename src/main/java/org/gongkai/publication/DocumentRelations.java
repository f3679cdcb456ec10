package org.gongkai.publication;

import java.util.List;

/**
 * Public records of another module that belong with an item — the interpretations of a policy, the
 * responses to the public concern it drew — listed on the item's public page under {@link #heading()}
 * and in the public API under {@link #key()}. Only public records may be returned. When they change,
 * the module publishes {@link DocumentRelationsChanged} so that the item's page is rewritten.
 */
public interface DocumentRelations {

	/** The JSON field of the public document API, e.g. {@code interpretations}. */
	String key();

	/** The heading of the section on the item's page, e.g. 政策解读. */
	String heading();

	/** The public records related to this item, in the order they are shown. */
	List<RelatedLink> publicLinks(long documentId);

	/** One related public record. {@code note} is a short qualifier shown after the title (its form, date). */
	record RelatedLink(long id, String title, String url, String note) {
	}
}
