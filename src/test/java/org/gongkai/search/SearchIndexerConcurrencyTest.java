package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A publish listener that read a record before its withdrawal must not write its stale copy after the withdrawal's
 * listener removed it: the read and the write of one record are one unit (real Lucene engine, no Spring).
 */
class SearchIndexerConcurrencyTest {

	@TempDir
	Path dir;

	private LuceneSearchEngine engine;

	@AfterEach
	void close() {
		if (engine != null) {
			engine.close();
		}
	}

	/** Documents in memory; the first read of a public record by the "publisher" thread stops until released. */
	static final class SlowSource implements SearchSource {

		final Map<Long, SearchEntry> publicNow = new ConcurrentHashMap<>();

		final CountDownLatch publisherRead = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicBoolean blockOnce = new AtomicBoolean(true);

		volatile Thread publisher;

		@Override
		public String kind() {
			return "document";
		}

		@Override
		public String label() {
			return "政府文件";
		}

		@Override
		public int order() {
			return 1;
		}

		@Override
		public Optional<SearchEntry> publicEntry(long id) {
			Optional<SearchEntry> read = Optional.ofNullable(publicNow.get(id));
			if (Thread.currentThread() == publisher && blockOnce.compareAndSet(true, false)) {
				publisherRead.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			return read;
		}

		@Override
		public void forEachPublic(Consumer<SearchEntry> sink) {
			publicNow.values().forEach(sink);
		}
	}

	private void raceWithdrawalAgainst(SlowSource source, Runnable publish, Runnable withdrawRefresh) throws Exception {
		Thread a = new Thread(publish, "publisher");
		source.publisher = a;
		a.start();
		assertThat(source.publisherRead.await(10, TimeUnit.SECONDS)).isTrue();
		// the record is withdrawn after the publisher read it; the withdrawal's listener runs
		source.publicNow.clear();
		Thread b = new Thread(withdrawRefresh, "withdrawer");
		b.start();
		b.join(300); // without the lock it is done by now, having removed nothing
		source.release.countDown();
		a.join(10_000);
		b.join(10_000);
		assertThat(a.isAlive() || b.isAlive()).isFalse();
	}

	@Test
	void aWithdrawalDuringAPublishersReadLeavesTheRecordOutOfTheIndex() throws Exception {
		engine = new LuceneSearchEngine(dir.resolve("search"));
		SlowSource source = new SlowSource();
		SearchIndexer indexer = new SearchIndexer(List.of(source), engine);
		source.publicNow.put(1L, SearchEngineContractTest.doc(1, "政务公开工作要点", "做好政务公开。"));

		raceWithdrawalAgainst(source, () -> indexer.refresh("document", 1), () -> indexer.refresh("document", 1));

		assertThat(engine.size()).as("a withdrawn document must not be searchable again").isZero();
	}

	@Test
	void aWithdrawalDuringABatchRefreshLeavesTheRecordOutOfTheIndex() throws Exception {
		engine = new LuceneSearchEngine(dir.resolve("search"));
		SlowSource source = new SlowSource();
		SearchIndexer indexer = new SearchIndexer(List.of(source), engine);
		source.publicNow.put(1L, SearchEngineContractTest.doc(1, "政务公开工作要点", "做好政务公开。"));

		raceWithdrawalAgainst(source, () -> indexer.refreshAll("document", List.of(1L)),
				() -> indexer.refresh("document", 1));

		assertThat(engine.size()).isZero();
	}

	@Test
	void batchesOfManyIdsStillIndexEveryPublicRecord() {
		engine = new LuceneSearchEngine(dir.resolve("search"));
		SlowSource source = new SlowSource();
		SearchIndexer indexer = new SearchIndexer(List.of(source), engine);
		List<Long> ids = new java.util.ArrayList<>();
		for (long id = 1; id <= SearchIndexer.BATCH * 2 + 7; id++) {
			ids.add(id);
			if (id % 2 == 0) {
				source.publicNow.put(id, SearchEngineContractTest.doc(id, "文件" + id, ""));
			}
		}
		indexer.refreshAll("document", ids);
		assertThat(engine.size()).isEqualTo(ids.size() / 2);
	}
}
