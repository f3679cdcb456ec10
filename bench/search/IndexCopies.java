package org.gongkai.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Multiplies the generated index when there is no time to analyse a million documents: the segments of the serving
 * generation of {@code <data-dir>/search} (as SearchCorpus wrote them through the engine) are added to it
 * {@code copies - 1} more times with {@link IndexWriter#addIndexes}, which copies segments without analysing again.
 * The result has {@code copies} times the documents, postings, doc values and stored fields, each generated entry
 * {@code copies} times (same key): a query matches, scores, counts for facets and sorts {@code copies} times as many
 * documents, as it would in a corpus that size; only paging through equal entries shows the repetition. The commit
 * keeps the engine's schema version, so the app opens it as its own index.
 *
 * <p>{@code java ... org.gongkai.search.IndexCopies <data-dir> <copies> [merge-seconds]}
 */
public final class IndexCopies {

	private IndexCopies() {
	}

	public static void main(String[] args) throws Exception {
		Path index = Path.of(args[0]).resolve("search");
		int copies = Integer.parseInt(args[1]);
		int mergeSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
		String generation = Files.readString(index.resolve(LuceneIndex.POINTER), StandardCharsets.UTF_8).strip();
		Path target = index.resolve(generation);
		Path source = Files.createTempDirectory(index.getParent(), "copy-source");
		long start = System.nanoTime();
		try (FSDirectory dir = FSDirectory.open(target)) {
			for (String file : SegmentInfos.readLatestCommit(dir).files(true)) {
				Files.copy(target.resolve(file), source.resolve(file));
			}
		}
		try (FSDirectory dir = FSDirectory.open(target); FSDirectory src = FSDirectory.open(source)) {
			IndexWriterConfig config = new IndexWriterConfig(
					ChineseAnalyzers.index(ChineseAnalyzers.words(), ChineseAnalyzers.exact(true), LuceneDocuments.PHRASE_FIELDS));
			config.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
			config.setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
			IndexWriter writer = new IndexWriter(dir, config);
			writer.setLiveCommitData(Map.of(LuceneGeneration.SCHEMA_KEY, Integer.toString(LuceneDocuments.SCHEMA_VERSION))
				.entrySet());
			for (int i = 1; i < copies; i++) {
				writer.addIndexes(src);
			}
			writer.commit();
			writer.close();
			System.out.printf("RESULT index copies: %d times the generated segments, %d segments (%.0f s)%n", copies,
					SegmentInfos.readLatestCommit(dir).size(), (System.nanoTime() - start) / 1e9);
			// the merges the engine's writer (default TieredMergePolicy) would start on its first commit, done now
			// rather than in the background of the measurements; given up after mergeSeconds (then the copies stay)
			IndexWriterConfig merging = new IndexWriterConfig(config.getAnalyzer());
			merging.setOpenMode(IndexWriterConfig.OpenMode.APPEND);
			ConcurrentMergeScheduler scheduler = new ConcurrentMergeScheduler();
			scheduler.disableAutoIOThrottle();
			scheduler.setMaxMergesAndThreads(4, 2);
			merging.setMergeScheduler(scheduler);
			IndexWriter merger = new IndexWriter(dir, merging);
			Thread closer = new Thread(() -> {
				try {
					merger.maybeMerge();
					merger.close();
				}
				catch (Exception e) {
					System.out.println("merging stopped: " + e);
				}
			});
			closer.start();
			closer.join(mergeSeconds * 1000L);
			if (closer.isAlive()) {
				merger.rollback();
				closer.join();
				System.out.println("merging given up after " + mergeSeconds + " s");
			}
			System.out.printf("RESULT index: %,d documents in %d segments, commit data %s (%.0f s)%n",
					DirectoryReader.open(dir).numDocs(), SegmentInfos.readLatestCommit(dir).size(),
					SegmentInfos.readLatestCommit(dir).getUserData(),
					(System.nanoTime() - start) / 1e9);
		}
		finally {
			IOUtils.rm(source);
		}
	}
}
