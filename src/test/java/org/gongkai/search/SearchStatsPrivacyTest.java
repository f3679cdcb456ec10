package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries that may carry personal data are never counted for the reports, however they are written. */
class SearchStatsPrivacyTest {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "138 1234 5678", "138-1234-5678", "0533.1234567", "电话 138 1234 5678 怎么办",
			// an ID number with a wrong check digit, an old 15-digit ID, an ID ending in X
			"370303199001011235", "370303900101123", "37030319900101123x", "3703 0319 9001 0112 34",
			"1234567", "zhang.san@example.com", "张三@政务", "6222 0212 3456 7890 123" })
	void personalLookingQueriesAreNotCounted(String query) {
		assertThat(SearchQueryStats.mayBePersonal(query)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "政务公开", "2026年预算", "沂源县 2026 年 第 3 号", "社保卡 办理", "123456", "12-34-56",
			"gb/t 7714" })
	void ordinaryQueriesAreCounted(String query) {
		assertThat(SearchQueryStats.mayBePersonal(query)).isFalse();
	}
}
