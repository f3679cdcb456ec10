package org.gongkai.platform;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A module makes one kind of its public records searchable by providing a bean of this type, and by calling
 * {@link SearchIndexing#refresh} from a listener of its own "public X changed" event. See docs/architecture.md
 * (Search) for the two steps.
 */
public interface SearchSource {

	/** Stable key of the kind, used in URLs and the API ({@code type=document}); lower case letters and dashes. */
	String kind();

	/** The kind's Chinese name for facets and result labels, e.g. 政府文件. */
	String label();

	/** Position of the kind in the type facet (ascending). */
	int order();

	/** The record as it is public now; empty when it does not exist or is not public (it then leaves the index). */
	Optional<SearchEntry> publicEntry(long id);

	/** Every record of this kind that is public now, for a rebuild of the whole index; streamed, never all in memory. */
	void forEachPublic(Consumer<SearchEntry> sink);

	/**
	 * Every record of this kind and agency that is public now (when an abolished agency is restored). The default
	 * filters {@link #forEachPublic}; a source with many records may answer from its own tables instead.
	 */
	default void forEachPublicOfAgency(long agencyId, Consumer<SearchEntry> sink) {
		forEachPublic(entry -> {
			if (entry.agencyId() != null && entry.agencyId() == agencyId) {
				sink.accept(entry);
			}
		});
	}
}
