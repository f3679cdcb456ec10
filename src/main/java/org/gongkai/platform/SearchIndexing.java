package org.gongkai.platform;

import java.util.Collection;

/**
 * The site search, as the modules that feed it see it. A module's listener of its own "public X changed" event calls
 * {@link #refresh} after the change committed; the search reads the record again through the kind's
 * {@link SearchSource} and adds, replaces or removes it. The call returns once the change is durable in the index, so
 * a listener that returned normally never needs to be run again.
 */
public interface SearchIndexing {

	void refresh(String kind, long id);

	/**
	 * Like {@link #refresh} for many records of one kind at once (an agency's columns, an abolished agency's items),
	 * written to the index in one durable batch.
	 */
	void refreshAll(String kind, Collection<Long> ids);
}
