package org.gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One generation of the index: a folder with its own writer and searcher manager. Writes are made durable by a group
 * commit (concurrent writers wait for one commit that includes all their operations) and visible by a blocking
 * refresh before they return.
 */
final class LuceneGeneration implements AutoCloseable {

	static final String SCHEMA_KEY = "schema";

	/** Commit data key: "true" once a rebuild completed into this generation (it holds every record). */
	static final String FILLED_KEY = "filled";

	final String name;

	final Path path;

	private final FSDirectory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/** Whether the folder held no index when it was opened. */
	final boolean created;

	/** The schema version of the last commit found when it was opened (0 when none). */
	final int openedSchema;

	/**
	 * Whether the last commit found when it was opened was made by a completed rebuild. An index from before this key
	 * existed counts as filled when it holds documents.
	 */
	final boolean openedFilled;

	private final Object commitLock = new Object();

	private volatile long committedSeqNo = -1;

	private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

	LuceneGeneration(String name, Path path, Analyzer analyzer) {
		this.name = name;
		this.path = path;
		try {
			Files.createDirectories(path);
			directory = FSDirectory.open(path);
			created = !DirectoryReader.indexExists(directory);
			int schema = 0;
			boolean filled = false;
			Map<String, String> existing = Map.of();
			if (!created) {
				SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
				existing = Map.copyOf(infos.getUserData());
				String version = existing.get(SCHEMA_KEY);
				schema = version == null ? 0 : Integer.parseInt(version);
				String filledValue = existing.get(FILLED_KEY);
				if (filledValue == null) {
					long live = 0;
					for (var segment : infos) {
						live += segment.info.maxDoc() - segment.getDelCount();
					}
					filled = live > 0;
				}
				else {
					filled = Boolean.parseBoolean(filledValue);
				}
			}
			openedSchema = schema;
			openedFilled = filled;
			IndexWriterConfig config = new IndexWriterConfig(analyzer);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			config.setRAMBufferSizeMB(64);
			writer = new IndexWriter(directory, config);
			if (created) {
				// a new generation is not filled until a rebuild completes into it
				writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(LuceneDocuments.SCHEMA_VERSION),
						FILLED_KEY, "false").entrySet());
				writer.commit();
			}
			else {
				// live writes keep what the generation was built with (an old schema stays old)
				writer.setLiveCommitData(existing.entrySet());
			}
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds or replaces; returns the sequence number to wait for. */
	long update(Term key, Document document) throws IOException {
		return writer.updateDocument(key, document);
	}

	long delete(Term... keys) throws IOException {
		return writer.deleteDocuments(keys);
	}

	/** Commits unless a commit since {@code seqNo} already did, then refreshes the searcher. */
	void commitAndRefresh(long seqNo) throws IOException {
		if (committedSeqNo < seqNo) {
			synchronized (commitLock) {
				if (committedSeqNo < seqNo) {
					long committed = writer.commit();
					commits.incrementAndGet();
					committedSeqNo = Math.max(committed, seqNo);
				}
			}
		}
		searchers.maybeRefreshBlocking();
	}

	/** Marks the next commit as made by a completed rebuild with the current schema. */
	void markFilled() {
		writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(LuceneDocuments.SCHEMA_VERSION), FILLED_KEY,
				"true").entrySet());
	}

	/** Commits whatever is pending (for a rebuild's complete). */
	void commit() throws IOException {
		synchronized (commitLock) {
			writer.commit();
		}
		searchers.maybeRefreshBlocking();
	}

	/** Number of commits made through this instance (group commit shares them). */
	long commits() {
		return commits.get();
	}

	IndexSearcher acquire() throws IOException {
		return searchers.acquire();
	}

	void release(IndexSearcher searcher) throws IOException {
		searchers.release(searcher);
	}

	@Override
	public void close() {
		try {
			IOUtils.close(searchers, writer, directory);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Drops the generation: no commit, folder deleted. */
	void discard() {
		try {
			IOUtils.close(searchers);
			writer.rollback();
			directory.close();
			IOUtils.rm(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Closes and deletes the folder (an old generation after a swap). */
	void closeAndDelete() {
		close();
		try {
			IOUtils.rm(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
