package org.gongkai.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>
 * Reading a record and writing what was read is one unit per record: a lock (one of {@link #STRIPES}, chosen by
 * kind and id) is held around both, so a publish listener that read the record before a withdrawal cannot write
 * its stale copy after the withdrawal's listener removed it.
 */
@Component
class SearchIndexer implements SearchIndexing {

	/** Entries read and written per durable batch of {@link #refreshAll} (bounds the memory held). */
	static final int BATCH = 200;

	/** Number of striped locks (records sharing a stripe only wait for each other, they stay correct). */
	static final int STRIPES = 1024;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	private final Map<String, SearchSource> sources;

	private final SearchEngine engine;

	SearchIndexer(List<SearchSource> sources, SearchEngine engine) {
		this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(SearchSource::kind, Function.identity()));
		this.engine = engine;
		for (int i = 0; i < STRIPES; i++) {
			stripes[i] = new ReentrantLock();
		}
	}

	static int stripe(String kind, long id) {
		return Math.floorMod((kind + ":" + id).hashCode(), STRIPES);
	}

	@Override
	public void refresh(String kind, long id) {
		SearchSource source = source(kind);
		ReentrantLock lock = stripes[stripe(kind, id)];
		lock.lock();
		try {
			source.publicEntry(id).ifPresentOrElse(engine::put, () -> engine.remove(kind, id));
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void refreshAll(String kind, Collection<Long> ids) {
		SearchSource source = source(kind);
		List<Long> batch = new ArrayList<>(BATCH);
		for (Long id : ids) {
			batch.add(id);
			if (batch.size() >= BATCH) {
				refreshBatch(source, kind, batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			refreshBatch(source, kind, batch);
		}
	}

	/** Reads and writes one batch holding the stripes of its ids, taken in ascending order (no deadlock). */
	private void refreshBatch(SearchSource source, String kind, List<Long> batch) {
		TreeSet<Integer> held = new TreeSet<>();
		for (Long id : batch) {
			held.add(stripe(kind, id));
		}
		List<ReentrantLock> locked = new ArrayList<>(held.size());
		try {
			for (int s : held) {
				stripes[s].lock();
				locked.add(stripes[s]);
			}
			List<SearchEntry> entries = new ArrayList<>();
			List<Long> gone = new ArrayList<>();
			for (Long id : batch) {
				source.publicEntry(id).ifPresentOrElse(entries::add, () -> gone.add(id));
			}
			write(kind, entries, gone);
		}
		finally {
			for (int i = locked.size() - 1; i >= 0; i--) {
				locked.get(i).unlock();
			}
		}
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
