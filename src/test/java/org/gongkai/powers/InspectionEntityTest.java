package org.gongkai.powers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the public sees of an inspected entity depends on its kind, never on a free-text category alone. */
class InspectionEntityTest {

	@Test
	void anEntityWithoutACreditCodeIsAnIndividualWhateverItsCategory() {
		assertThat(InspectionEntityKind.of(null, null, null)).isEqualTo(InspectionEntityKind.INDIVIDUAL);
		assertThat(InspectionEntityKind.of(null, null, "企业")).isEqualTo(InspectionEntityKind.INDIVIDUAL);
		assertThat(InspectionEntityKind.of(InspectionEntityKind.ORGANISATION, null, null)).isEqualTo(InspectionEntityKind.ORGANISATION);
		assertThat(InspectionEntityKind.of(null, "91370323MA3C0000XX", "企业")).isEqualTo(InspectionEntityKind.ORGANISATION);
		// an individual business registers with a 92… code
		assertThat(InspectionEntityKind.of(null, "92370323MA3C0000XX", null)).isEqualTo(InspectionEntityKind.INDIVIDUAL);
		assertThat(InspectionEntityKind.of(null, "91370323MA3C0000XX", "个体工商户")).isEqualTo(InspectionEntityKind.INDIVIDUAL);
	}

	@Test
	void anIndividualIsPublishedAsSurnameAndStarsWithoutAddress() {
		InspectionCandidate blank = new InspectionCandidate(1, InspectionCandidate.ENTITY, 1, "ID0000000001", 1, "李四光", "南麻街道9号",
				null, null, InspectionEntityKind.INDIVIDUAL, null);
		assertThat(blank.publicName()).isEqualTo("李**");
		assertThat(blank.publicAddress()).isNull();
		// a snapshot without a recorded kind is treated as an individual
		InspectionCandidate unknown = new InspectionCandidate(1, InspectionCandidate.ENTITY, 1, "ID0000000001", 1, "李四光", "南麻街道9号",
				"其他", null, null, null);
		assertThat(unknown.publicName()).isEqualTo("李**");
		assertThat(unknown.publicAddress()).isNull();
		InspectionCandidate firm = new InspectionCandidate(1, InspectionCandidate.ENTITY, 1, "91370323MA3C0000XX", 1, "沂源县某商贸有限公司",
				"南麻街道1号", null, null, InspectionEntityKind.ORGANISATION, null);
		assertThat(firm.publicName()).isEqualTo("沂源县某商贸有限公司");
		assertThat(firm.publicAddress()).isEqualTo("南麻街道1号");
	}
}
