package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The draw as a pure function, without Spring. */
class RandomDrawTest {

	static final String SEED = "42|2026-03-01T02:00:00Z|福彩3D 2026050期 开奖号码 3 8 1|00112233445566778899aabbccddeeff";

	static List<String> keys(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(i -> String.format("ID%010d", i)).toList();
	}

	@Test
	void theSeedJoinsPlanTimeEntropyAndNonce() {
		assertThat(RandomDraw.seed(42, Instant.parse("2026-03-01T02:00:00.789Z"), "福彩3D 2026050期 开奖号码 3 8 1",
				"00112233445566778899aabbccddeeff")).isEqualTo(SEED);
	}

	@Test
	void aKnownAnswerPinsTheAlgorithm() {
		// computed once by an independent Python implementation of the documented algorithm
		List<RandomDraw.Pick> picks = RandomDraw.draw(SEED, keys(1, 10), 4, keys(101, 105), 2);
		assertThat(picks).containsExactly(new RandomDraw.Pick("ID0000000010", List.of("ID0000000102", "ID0000000105")),
				new RandomDraw.Pick("ID0000000008", List.of("ID0000000103", "ID0000000104")),
				new RandomDraw.Pick("ID0000000003", List.of("ID0000000101", "ID0000000102")),
				new RandomDraw.Pick("ID0000000005", List.of("ID0000000104", "ID0000000103")));
	}

	@Test
	void theSameSeedAndCandidatesGiveTheSameDrawWhateverTheirOrder() {
		List<String> shuffled = new ArrayList<>(keys(1, 30));
		Collections.reverse(shuffled);
		assertThat(RandomDraw.draw(SEED, shuffled, 5, keys(101, 110), 2))
			.isEqualTo(RandomDraw.draw(SEED, keys(1, 30), 5, keys(101, 110), 2));
	}

	@Test
	void anotherSeedGivesAnotherDraw() {
		List<String> a = RandomDraw.shuffle(SEED, keys(1, 30));
		List<String> b = RandomDraw.shuffle(SEED + "x", keys(1, 30));
		assertThat(a).containsExactlyInAnyOrderElementsOf(b).isNotEqualTo(b);
	}

	@Test
	void noEntityIsDrawnTwiceAndEachHasDistinctInspectors() {
		for (int s = 0; s < 50; s++) {
			List<RandomDraw.Pick> picks = RandomDraw.draw(SEED + s, keys(1, 12), 12, keys(101, 104), 3);
			assertThat(new HashSet<>(picks.stream().map(RandomDraw.Pick::entityKey).toList())).hasSize(12);
			for (RandomDraw.Pick p : picks) {
				assertThat(new HashSet<>(p.inspectorKeys())).hasSize(3);
				assertThat(keys(101, 104)).containsAll(p.inspectorKeys());
			}
		}
	}

	@Test
	void moreThanTheCandidatesIsRefused() {
		assertThatThrownBy(() -> RandomDraw.draw(SEED, keys(1, 3), 4, keys(101, 105), 2))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RandomDraw.draw(SEED, keys(1, 3), 2, keys(101, 101), 2))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RandomDraw.draw(SEED, List.of("A", "A", "B"), 2, keys(101, 105), 2))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void everyPositionIsReachedRoughlyUniformly() {
		int[] first = new int[5];
		for (int s = 0; s < 5000; s++) {
			String k = RandomDraw.shuffle("seed-" + s, keys(1, 5)).get(0);
			first[Integer.parseInt(k.substring(2)) - 1]++;
		}
		for (int count : first) {
			assertThat(count).isBetween(850, 1150);
		}
	}
}
