package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

	@Test
	void theLeastRecentlyUsedEntryGoesFirstWhenTheCountIsExceeded() {
		BoundedCache<String, String> cache = BoundedCache.ofCount(2);
		cache.put("a", "1");
		cache.put("b", "2");
		assertThat(cache.get("a")).isEqualTo("1"); // b is now the least recently used
		cache.put("c", "3");

		assertThat(cache.get("b")).isNull();
		assertThat(cache.get("a")).isEqualTo("1");
		assertThat(cache.get("c")).isEqualTo("3");
		assertThat(cache.hitsAndMisses()).containsExactly(3, 1);
	}

	@Test
	void weightsBoundTheCacheAndAReplacedValueGivesItsWeightBack() {
		BoundedCache<String, String> cache = BoundedCache.ofWeight(10, String::length);
		cache.put("a", "xxxx");
		cache.put("b", "xxxx");
		cache.put("a", "xx"); // 2 + 4 = 6
		cache.put("c", "xxxx"); // 10: all fit
		assertThat(cache.size()).isEqualTo(3);

		cache.put("d", "x"); // 11: the least recently used (b) goes
		assertThat(cache.get("b")).isNull();
		assertThat(cache.size()).isEqualTo(3);
	}

	@Test
	void keysCanBeRemovedByAConditionAndAZeroCapacityKeepsNothing() {
		BoundedCache<String, String> cache = BoundedCache.ofCount(10);
		cache.put("seg1:q1", "1");
		cache.put("seg1:q2", "2");
		cache.put("seg2:q1", "3");
		cache.removeKeys(key -> key.startsWith("seg1:"));
		assertThat(cache.size()).isEqualTo(1);
		assertThat(cache.get("seg2:q1")).isEqualTo("3");

		BoundedCache<String, String> none = BoundedCache.ofCount(0);
		none.put("a", "1");
		assertThat(none.enabled()).isFalse();
		assertThat(none.get("a")).isNull();
	}
}
