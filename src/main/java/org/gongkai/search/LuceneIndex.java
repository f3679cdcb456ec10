package org.gongkai.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.IOUtils;
import org.gongkai.platform.SearchEntry;

/**
 * The index folder: generations in subfolders {@code gen-N}, and the file {@value #POINTER} naming the serving one,
 * replaced atomically (written to a temporary file, forced to disk, moved over with ATOMIC_MOVE, folder forced). A
 * rebuild fills a new generation while the serving one answers; writes meanwhile reach both (the new one without a
 * commit); complete() marks it filled, commits it, switches the pointer and the serving generation and deletes the old folder.
 *
 * <p>One instance per folder in a JVM (Lucene's write lock allows one writer): {@link #open} hands out a shared,
 * reference-counted instance, so two application contexts on the same data folder (tests) share it.
 */
final class LuceneIndex {

	static final String POINTER = "current";

	private static final Map<Path, LuceneIndex> OPEN = new HashMap<>();

	/** Batches at least this large are analysed in parallel. */
	private static final int PARALLEL_BATCH = 64;

	private final Path dir;

	private final Analyzer analyzer;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private volatile LuceneGeneration serving;

	private volatile LuceneGeneration rebuilding;

	/** Keys written live while a rebuild runs: the rebuild's own (older) copies of them are skipped. */
	private final Set<String> touchedDuringRebuild = ConcurrentHashMap.newKeySet();

	/**
	 * Held by a rebuild batch around "skip touched keys, then write the new generation" and by a live write around
	 * "mark its keys touched, then write the new generation", so a live removal cannot fall between a batch's check
	 * and its write (which would bring the removed record back).
	 */
	private final Object rebuildMonitor = new Object();

	/** Test hook: runs inside a rebuild batch, after its check of touched keys and before its write. */
	volatile Runnable afterRebuildCheck;

	private volatile boolean needsRebuild;

	private int references;

	private LuceneIndex(Path dir, Analyzer analyzer) {
		this.dir = dir;
		this.analyzer = analyzer;
		try {
			Files.createDirectories(dir);
			String name = readPointer();
			boolean fresh = name == null || !Files.isDirectory(dir.resolve(name));
			if (fresh) {
				name = nextName();
			}
			serving = new LuceneGeneration(name, dir.resolve(name), analyzer);
			if (fresh) {
				writePointer(name);
			}
			needsRebuild = !serving.openedFilled || serving.openedSchema < LuceneDocuments.SCHEMA_VERSION;
			deleteOtherGenerations(name);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The shared instance for {@code dir}; {@link #release} it when done. */
	static LuceneIndex open(Path dir, Analyzer analyzer) {
		Path key = dir.toAbsolutePath().normalize();
		synchronized (OPEN) {
			LuceneIndex index = OPEN.get(key);
			if (index == null) {
				index = new LuceneIndex(key, analyzer);
				OPEN.put(key, index);
			}
			index.references++;
			return index;
		}
	}

	void release() {
		synchronized (OPEN) {
			if (--references > 0) {
				return;
			}
			OPEN.remove(dir);
			// still holding OPEN: a concurrent open of the same folder waits until the write lock is free
			lock.writeLock().lock();
			try {
				if (rebuilding != null) {
					rebuilding.discard();
					rebuilding = null;
				}
				serving.close();
			}
			finally {
				lock.writeLock().unlock();
			}
		}
	}

	Path dir() {
		return dir;
	}

	boolean needsRebuild() {
		return needsRebuild;
	}

	LuceneGeneration serving() {
		return serving;
	}

	private String readPointer() throws IOException {
		Path pointer = dir.resolve(POINTER);
		if (!Files.exists(pointer)) {
			return null;
		}
		String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
		return name.matches("gen-\\d+") ? name : null;
	}

	private void writePointer(String name) throws IOException {
		Path temp = dir.resolve(POINTER + ".tmp");
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(java.nio.ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		Files.move(temp, dir.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		IOUtils.fsync(dir, true);
	}

	private String nextName() throws IOException {
		long max = 0;
		try (Stream<Path> children = Files.list(dir)) {
			for (Path child : children.toList()) {
				String n = child.getFileName().toString();
				if (n.matches("gen-\\d+")) {
					max = Math.max(max, Long.parseLong(n.substring(4)));
				}
			}
		}
		return "gen-" + (max + 1);
	}

	/** Leftovers of a rebuild interrupted by a crash. */
	private void deleteOtherGenerations(String keep) throws IOException {
		try (Stream<Path> children = Files.list(dir)) {
			for (Path child : children.toList()) {
				String n = child.getFileName().toString();
				if (n.matches("gen-\\d+") && !n.equals(keep)) {
					IOUtils.rm(child);
				}
			}
		}
	}

	/** Adds or replaces entries in the serving generation and, during a rebuild, in the new one too; durable. */
	void putAll(Collection<SearchEntry> entries) {
		List<Document> documents = new ArrayList<>(entries.size());
		List<Term> keys = new ArrayList<>(entries.size());
		for (SearchEntry entry : entries) {
			documents.add(LuceneDocuments.document(entry));
			keys.add(LuceneDocuments.keyTerm(entry.kind(), entry.id()));
		}
		lock.readLock().lock();
		try {
			LuceneGeneration next = rebuilding;
			long seq = update(serving, keys, documents);
			serving.commitAndRefresh(seq);
			if (next != null) {
				// the new generation is not searched yet: complete() commits it
				synchronized (rebuildMonitor) {
					keys.forEach(k -> touchedDuringRebuild.add(k.text()));
					update(next, keys, documents);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	/** Analysis dominates bulk indexing: a large batch is analysed on all cores (the writer takes that). */
	private static long update(LuceneGeneration generation, List<Term> keys, List<Document> documents)
			throws IOException {
		if (documents.size() < PARALLEL_BATCH) {
			long seq = -1;
			for (int i = 0; i < documents.size(); i++) {
				seq = generation.update(keys.get(i), documents.get(i));
			}
			return seq;
		}
		try {
			return IntStream.range(0, documents.size()).parallel().mapToLong(i -> {
				try {
					return generation.update(keys.get(i), documents.get(i));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}).max().orElse(-1);
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	void remove(String kind, long id) {
		removeAll(kind, List.of(id));
	}

	/** Removes the entries of the kind with these ids, in one commit. */
	void removeAll(String kind, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Term[] keys = ids.stream().map(id -> LuceneDocuments.keyTerm(kind, id)).toArray(Term[]::new);
		lock.readLock().lock();
		try {
			LuceneGeneration next = rebuilding;
			long seq = serving.delete(keys);
			serving.commitAndRefresh(seq);
			if (next != null) {
				synchronized (rebuildMonitor) {
					for (Term key : keys) {
						touchedDuringRebuild.add(key.text());
					}
					next.delete(keys);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			lock.readLock().unlock();
		}
	}

	SearchEngine.Rebuild beginRebuild() {
		lock.writeLock().lock();
		try {
			if (rebuilding != null) {
				throw new IllegalStateException("a rebuild is already running");
			}
			String name = nextName();
			rebuilding = new LuceneGeneration(name, dir.resolve(name), analyzer);
			touchedDuringRebuild.clear();
			return new GenerationRebuild(rebuilding);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			lock.writeLock().unlock();
		}
	}

	private final class GenerationRebuild implements SearchEngine.Rebuild {

		private final LuceneGeneration generation;

		private boolean done;

		GenerationRebuild(LuceneGeneration generation) {
			this.generation = generation;
		}

		@Override
		public void putAll(Collection<SearchEntry> entries) {
			lock.readLock().lock();
			try {
				if (done || rebuilding != generation) {
					throw new IllegalStateException("the rebuild is over");
				}
				List<Term> allKeys = new ArrayList<>(entries.size());
				List<Document> allDocuments = new ArrayList<>(entries.size());
				for (SearchEntry entry : entries) {
					allKeys.add(LuceneDocuments.keyTerm(entry.kind(), entry.id()));
					allDocuments.add(LuceneDocuments.document(entry));
				}
				// no commit and no refresh: nobody searches this generation before complete() commits it
				synchronized (rebuildMonitor) {
					List<Term> keys = new ArrayList<>(allKeys.size());
					List<Document> documents = new ArrayList<>(allKeys.size());
					for (int i = 0; i < allKeys.size(); i++) {
						if (!touchedDuringRebuild.contains(allKeys.get(i).text())) {
							keys.add(allKeys.get(i));
							documents.add(allDocuments.get(i));
						}
					}
					Runnable hook = afterRebuildCheck;
					if (hook != null) {
						hook.run();
					}
					update(generation, keys, documents);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			finally {
				lock.readLock().unlock();
			}
		}

		@Override
		public void complete() {
			lock.writeLock().lock();
			try {
				if (done || rebuilding != generation) {
					throw new IllegalStateException("the rebuild is over");
				}
				generation.markFilled();
				generation.commit();
				writePointer(generation.name);
				LuceneGeneration old = serving;
				serving = generation;
				rebuilding = null;
				touchedDuringRebuild.clear();
				needsRebuild = false;
				done = true;
				old.closeAndDelete();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			finally {
				lock.writeLock().unlock();
			}
		}

		@Override
		public void close() {
			lock.writeLock().lock();
			try {
				if (!done && rebuilding == generation) {
					rebuilding = null;
					touchedDuringRebuild.clear();
					generation.discard();
				}
				done = true;
			}
			finally {
				lock.writeLock().unlock();
			}
		}
	}
}
