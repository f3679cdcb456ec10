package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The verification of a stored draw and the masking of individuals, without Spring. */
class InspectionVerificationTest {

	static final Instant AT = Instant.parse("2026-03-01T02:00:00Z");

	static List<InspectionCandidate> candidates(String pool, int from, int to) {
		return IntStream.rangeClosed(from, to)
			.mapToObj(i -> new InspectionCandidate(1, pool, i - from + 1, InspectionEntity.idKey(i), i, "名称" + i, null, null, null, null, null))
			.toList();
	}

	static InspectionDraw draw(String seed) {
		return new InspectionDraw(1, 42, 7, 1, AT, "3 8 1", "00112233445566778899aabbccddeeff", seed, RandomDraw.ALGORITHM, 3, 2,
				false, null, "editor");
	}

	static List<InspectionPick> stored(List<RandomDraw.Pick> picks) {
		List<InspectionPick> out = new ArrayList<>();
		for (int i = 0; i < picks.size(); i++) {
			out.add(new InspectionPick(1, i + 1, picks.get(i).entityKey(), picks.get(i).inspectorKeys(), null, null, null, null, null));
		}
		return out;
	}

	@Test
	void aStoredDrawIsConsistentAndATamperedOneIsNot() {
		String seed = RandomDraw.seed(42, AT, "3 8 1", "00112233445566778899aabbccddeeff");
		List<InspectionCandidate> entities = candidates(InspectionCandidate.ENTITY, 1, 8);
		List<InspectionCandidate> inspectors = candidates(InspectionCandidate.INSPECTOR, 101, 104);
		List<RandomDraw.Pick> picks = RandomDraw.draw(seed, entities.stream().map(InspectionCandidate::key).toList(), 3,
				inspectors.stream().map(InspectionCandidate::key).toList(), 2);
		assertThat(InspectionManagement.verify(draw(seed), entities, inspectors, stored(picks)).consistent()).isTrue();

		// a result row changed
		List<RandomDraw.Pick> changed = new ArrayList<>(picks);
		String other = entities.stream().map(InspectionCandidate::key).filter(k -> picks.stream().noneMatch(p -> p.entityKey().equals(k)))
			.findFirst().orElseThrow();
		changed.set(0, new RandomDraw.Pick(other, picks.get(0).inspectorKeys()));
		assertThat(InspectionManagement.verify(draw(seed), entities, inspectors, stored(changed)).consistent()).isFalse();

		// a seed that does not match its parts, or a candidate removed from the snapshot
		assertThat(InspectionManagement.verify(draw(seed + "0"), entities, inspectors, stored(picks)).consistent()).isFalse();
		assertThat(InspectionManagement.verify(draw(seed), entities.subList(1, 8), inspectors, stored(picks)).consistent()).isFalse();
	}

	@Test
	void anIndividualsNameIsMasked() {
		assertThat(InspectionEntity.publicName("张三丰", InspectionEntityKind.INDIVIDUAL)).isEqualTo("张**");
		assertThat(InspectionEntity.publicName("李四", null)).isEqualTo("李**");
		assertThat(InspectionEntity.publicName("沂源县某某商贸有限公司", InspectionEntityKind.ORGANISATION)).isEqualTo("沂源县某某商贸有限公司");
		assertThat(InspectionEntity.publicName("王五13812345678", InspectionEntityKind.ORGANISATION)).doesNotContain("13812345678");
		assertThat(InspectionEntity.publicName("王五13812345678", InspectionEntityKind.INDIVIDUAL)).isEqualTo("王**");
	}
}
