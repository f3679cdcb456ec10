package org.gongkai.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.organisation.AgencyType;
import org.junit.jupiter.api.Test;

class IndexNumbersTest {

	private final Agency agency = new Agency(7, "yiyuan-fgj", "沂源县发展和改革局", null, AgencyLevel.COUNTY, AgencyType.DEPARTMENT,
			1L, "/1/7/", "11370323004336421M", null, 0, true, 0, Instant.EPOCH, Instant.EPOCH);

	@Test
	void theDefaultPatternIsCreditCodeYearAndAFiveDigitSerial() {
		assertThat(IndexNumbers.format(PublicationRules.DEFAULT_INDEX_PATTERN, agency, LocalDate.of(2026, 11, 27), 42))
			.isEqualTo("11370323004336421M/2026-00042");
	}

	@Test
	void otherObservedPatternsCanBeConfigured() {
		assertThat(IndexNumbers.format("{creditCode}/{yyyymm}-{serial5}", agency, LocalDate.of(2021, 10, 5), 13))
			.isEqualTo("11370323004336421M/202110-00013");
		assertThat(IndexNumbers.format("{code}/{yyyy}-{serial}", agency, LocalDate.of(2023, 1, 1), 75))
			.isEqualTo("yiyuan-fgj/2023-75");
	}
}
