package org.gongkai.platform;

/**
 * The site search, as the modules that feed it see it. A module's listener of its own "public X changed" event calls
 * {@link #refresh} after the change committed; the search reads the record again through the kind's
 * {@link SearchSource} and adds, replaces or removes it. The call returns once the change is durable in the index, so
 * a listener that returned normally never needs to be run again.
 */
public interface SearchIndexing {

	void refresh(String kind, long id);
}
