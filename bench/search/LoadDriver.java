package org.gongkai.bench.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code threads} clients, each sending the next request of the shared mix as soon as its previous
 * answer is in (the clients share one cursor through the sequence, cycling at its end), first for a warm-up whose
 * figures are dropped, then for the measured time, which goes on where the warm-up stopped. Latency is the time around one call, in nanoseconds.
 */
public final class LoadDriver {

	/** Runs one request; throws when the answer is wrong (counted as an error). */
	public interface Call {
		void run(QueryMix.Request request) throws Exception;
	}

	/** The latencies of one run, in nanoseconds, by class. */
	public record Result(String name, int threads, double seconds, long[] all, List<long[]> byClass, long errors,
			String firstError) {

		public String summary() {
			StringBuilder b = new StringBuilder();
			b.append(String.format(Locale.ROOT,
					"RESULT %s: %d clients, %d requests in %.0f s (%.0f/s), errors %d; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					name, threads, all.length, seconds, all.length / seconds, errors, ms(pct(all, 50)), ms(pct(all, 95)),
					ms(pct(all, 99)), ms(all.length == 0 ? 0 : all[all.length - 1])));
			for (int c = 0; c < QueryMix.CLASSES.size(); c++) {
				long[] xs = byClass.get(c);
				b.append(String.format(Locale.ROOT, "  %s %-7s n=%6d p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", name,
						QueryMix.CLASSES.get(c), xs.length, ms(pct(xs, 50)), ms(pct(xs, 95)), ms(pct(xs, 99))));
			}
			if (firstError != null) {
				b.append("  first error: ").append(firstError).append('\n');
			}
			return b.toString();
		}
	}

	private LoadDriver() {
	}

	public static long pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	public static Result run(String name, List<QueryMix.Request> requests, int threads, double warmupSeconds,
			double seconds, Call call) throws InterruptedException {
		// one cursor for both phases: the measured phase goes on where the warm-up stopped, so a request is a repeat
		// only when the mix repeats it (not because the warm-up already sent it)
		AtomicLong cursor = new AtomicLong();
		phase(requests, threads, warmupSeconds, call, null, cursor);
		long from = cursor.get();
		Result result = phase(requests, threads, seconds, call, name, cursor);
		long to = cursor.get();
		// how many measured requests were sent for the first time in this run (a cache cannot answer those)
		java.util.Set<String> seen = new java.util.HashSet<>();
		long firstTimes = 0;
		for (long i = 0; i < to; i++) {
			boolean first = seen.add(requests.get((int) (i % requests.size())).queryString());
			if (first && i >= from) {
				firstTimes++;
			}
		}
		System.out.printf("  requests %,d to %,d of the sequence measured; %,d of them (%.1f %%) sent for the first time%n",
				from, to, firstTimes, 100.0 * firstTimes / Math.max(1, to - from));
		return result;
	}

	private static Result phase(List<QueryMix.Request> requests, int threads, double seconds, Call call, String name,
			AtomicLong cursor) throws InterruptedException {
		int classes = QueryMix.CLASSES.size();
		List<List<long[]>> perThread = new ArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicLong errors = new AtomicLong();
		String[] firstError = new String[1];
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			LongList[] mine = new LongList[classes];
			for (int c = 0; c < classes; c++) {
				mine[c] = new LongList();
			}
			List<long[]> view = new ArrayList<>();
			perThread.add(view);
			Thread worker = new Thread(() -> {
				while (!stop.get()) {
					QueryMix.Request request = requests.get((int) (cursor.getAndIncrement() % requests.size()));
					long t0 = System.nanoTime();
					try {
						call.run(request);
					}
					catch (Exception e) {
						errors.incrementAndGet();
						synchronized (firstError) {
							if (firstError[0] == null) {
								firstError[0] = request.queryString() + ": " + e;
							}
						}
						continue;
					}
					long spent = System.nanoTime() - t0;
					if (!stop.get()) {
						mine[QueryMix.CLASSES.indexOf(request.kind())].add(spent);
					}
				}
				for (LongList l : mine) {
					view.add(l.toArray());
				}
			}, "load-" + t);
			workers.add(worker);
		}
		long start = System.nanoTime();
		workers.forEach(Thread::start);
		Thread.sleep((long) (seconds * 1000));
		stop.set(true);
		for (Thread w : workers) {
			w.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		if (name == null) {
			return null;
		}
		List<long[]> byClass = new ArrayList<>();
		LongList all = new LongList();
		for (int c = 0; c < classes; c++) {
			LongList cl = new LongList();
			for (List<long[]> v : perThread) {
				for (long x : v.get(c)) {
					cl.add(x);
					all.add(x);
				}
			}
			long[] xs = cl.toArray();
			Arrays.sort(xs);
			byClass.add(xs);
		}
		long[] xs = all.toArray();
		Arrays.sort(xs);
		return new Result(name, threads, elapsed, xs, byClass, errors.get(), firstError[0]);
	}

	static final class LongList {
		private long[] data = new long[1024];

		private int size;

		void add(long x) {
			if (size == data.length) {
				data = Arrays.copyOf(data, size * 2);
			}
			data[size++] = x;
		}

		long[] toArray() {
			return Arrays.copyOf(data, size);
		}
	}
}
