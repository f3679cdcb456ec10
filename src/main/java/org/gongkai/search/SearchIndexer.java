package org.gongkai.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.platform.DomainException;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchIndexing;
import org.gongkai.platform.SearchSource;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the records: a module's listener calls {@link #refresh} after a change committed, and
 * the record is read again through its kind's {@link SearchSource}; a record that is not public (any more) leaves
 * the index. Reading the record again, rather than trusting the event, makes a late or repeated event harmless.
 */
@Component
class SearchIndexer implements SearchIndexing {

	/** Entries read and written per durable batch of {@link #refreshAll} (bounds the memory held). */
	static final int BATCH = 200;

	private final Map<String, SearchSource> sources;

	private final SearchEngine engine;

	SearchIndexer(List<SearchSource> sources, SearchEngine engine) {
		this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(SearchSource::kind, Function.identity()));
		this.engine = engine;
	}

	@Override
	public void refresh(String kind, long id) {
		SearchSource source = source(kind);
		source.publicEntry(id).ifPresentOrElse(engine::put, () -> engine.remove(kind, id));
	}

	@Override
	public void refreshAll(String kind, Collection<Long> ids) {
		SearchSource source = source(kind);
		List<SearchEntry> entries = new ArrayList<>();
		List<Long> gone = new ArrayList<>();
		for (Long id : ids) {
			source.publicEntry(id).ifPresentOrElse(entries::add, () -> gone.add(id));
			if (entries.size() + gone.size() >= BATCH) {
				write(kind, entries, gone);
			}
		}
		write(kind, entries, gone);
	}

	private void write(String kind, List<SearchEntry> entries, List<Long> gone) {
		engine.putAll(entries);
		engine.removeAll(kind, gone);
		entries.clear();
		gone.clear();
	}

	SearchSource source(String kind) {
		SearchSource source = sources.get(kind);
		if (source == null) {
			throw DomainException.notFound("没有这类可检索的信息：" + kind);
		}
		return source;
	}

	Collection<SearchSource> sources() {
		return sources.values();
	}
}
