package org.gongkai.inforequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tiers of 国办函〔2020〕109号 Arts. 4 and 5 (domain-rules.md §1.6). */
class FeeCalculatorTest {

	@ParameterizedTest(name = "application {0} of the month costs {1} yuan")
	@CsvSource({ "1, 0", "10, 0", "11, 100", "30, 100", "31, 200", "40, 200", "41, 300", "50, 300", "51, 400" })
	void perApplicationByTheApplicantsCountInTheCalendarMonth(int nth, int fee) {
		assertThat(FeeCalculator.perApplication(nth)).isEqualByComparingTo(BigDecimal.valueOf(fee));
	}

	@ParameterizedTest(name = "{0} pages cost {1} yuan")
	@CsvSource({ "0, 0", "30, 0", "31, 10", "100, 700", "101, 720", "150, 1700", "200, 2700", "201, 2740", "300, 6700" })
	void perVolumeExcessProgressiveByPages(int pages, int fee) {
		assertThat(FeeCalculator.perVolume(pages)).isEqualByComparingTo(BigDecimal.valueOf(fee));
	}

	@Test
	void aNegativeVolumeIsAProgrammingError() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> FeeCalculator.perVolume(-1));
	}
}
