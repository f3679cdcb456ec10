package org.gongkai.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A thread-safe least-recently-used map bounded by the total weight of its values (1 each when bounded by count),
 * counting its hits and misses. The search engine's caches are built on it (ADR 0020).
 */
final class BoundedCache<K, V> {

	/** Access-ordered: the eldest is the least recently used. Guarded by itself. */
	private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);

	private final long capacity;

	private final ToLongFunction<V> weight;

	private long weights;

	private long hits;

	private long misses;

	private BoundedCache(long capacity, ToLongFunction<V> weight) {
		this.capacity = Math.max(0, capacity);
		this.weight = weight;
	}

	/** At most {@code count} entries. */
	static <K, V> BoundedCache<K, V> ofCount(long count) {
		return new BoundedCache<>(count, value -> 1);
	}

	/** Entries whose weights add up to at most {@code capacity}. */
	static <K, V> BoundedCache<K, V> ofWeight(long capacity, ToLongFunction<V> weight) {
		return new BoundedCache<>(capacity, weight);
	}

	/** Whether anything can be kept at all. */
	boolean enabled() {
		return capacity > 0;
	}

	V get(K key) {
		synchronized (entries) {
			V value = entries.get(key);
			if (value == null) {
				misses++;
			}
			else {
				hits++;
			}
			return value;
		}
	}

	void put(K key, V value) {
		synchronized (entries) {
			V old = entries.put(key, value);
			weights += weight.applyAsLong(value) - (old == null ? 0 : weight.applyAsLong(old));
			var eldest = entries.values().iterator();
			while (weights > capacity && eldest.hasNext()) {
				weights -= weight.applyAsLong(eldest.next());
				eldest.remove();
			}
		}
	}

	void removeKeys(Predicate<K> which) {
		synchronized (entries) {
			var all = entries.entrySet().iterator();
			while (all.hasNext()) {
				Map.Entry<K, V> entry = all.next();
				if (which.test(entry.getKey())) {
					weights -= weight.applyAsLong(entry.getValue());
					all.remove();
				}
			}
		}
	}

	/** Lookups that found a value and that did not. */
	long[] hitsAndMisses() {
		synchronized (entries) {
			return new long[] { hits, misses };
		}
	}

	int size() {
		synchronized (entries) {
			return entries.size();
		}
	}
}
