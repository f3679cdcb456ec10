package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QueryPreparationTest {

	private static final List<Set<String>> SYNONYMS = List.of(Set.of("社保", "社会保险"), Set.of("低保", "最低生活保障"));

	@Test
	void trimsFoldsAndKeepsTheFreeText() {
		PreparedQuery q = QueryPreparation.prepare("  政務公開　ＧＤＰ  ", List.of());
		assertThat(q.raw()).isEqualTo("政務公開　ＧＤＰ");
		assertThat(q.textVariants()).containsExactly("政务公开 gdp");
		assertThat(q.phrases()).isEmpty();
		assertThat(q.isEmpty()).isFalse();
	}

	@Test
	void nothingTypedIsEmpty() {
		assertThat(QueryPreparation.prepare(null, SYNONYMS).isEmpty()).isTrue();
		assertThat(QueryPreparation.prepare("   ", SYNONYMS).isEmpty()).isTrue();
		assertThat(QueryPreparation.prepare("\"\"", SYNONYMS).isEmpty()).isTrue();
	}

	@Test
	void capsTheLength() {
		PreparedQuery q = QueryPreparation.prepare("政".repeat(150), List.of());
		assertThat(q.raw()).hasSize(QueryPreparation.MAX_LENGTH);
		assertThat(q.textVariants().get(0)).hasSize(QueryPreparation.MAX_LENGTH);
		String withSurrogate = "政".repeat(QueryPreparation.MAX_LENGTH - 1) + "\uD840\uDC00";
		assertThat(QueryPreparation.prepare(withSurrogate, List.of()).raw()).hasSize(QueryPreparation.MAX_LENGTH - 1);
	}

	@Test
	void takesOutQuotedPhrasesInAsciiAndChineseQuotes() {
		PreparedQuery q = QueryPreparation.prepare("答复 \"信息公开申请\" 期限 “政府 信息”「公开」『目录』", List.of());
		assertThat(q.phrases()).containsExactly("信息公开申请", "政府 信息", "公开", "目录");
		assertThat(q.textVariants()).containsExactly("答复 期限");
	}

	@Test
	void fullWidthQuotesAreQuotesAndPhrasesAreFolded() {
		PreparedQuery q = QueryPreparation.prepare("＂政務公開＂", List.of());
		assertThat(q.phrases()).containsExactly("政务公开");
		assertThat(q.textVariants()).isEmpty();
	}

	@Test
	void anUnclosedQuoteIsIgnored() {
		PreparedQuery q = QueryPreparation.prepare("政务\"公开", List.of());
		assertThat(q.phrases()).isEmpty();
		assertThat(q.textVariants()).containsExactly("政务 公开");
		assertThat(QueryPreparation.prepare("政务”公开", List.of()).textVariants()).containsExactly("政务 公开");
	}

	@Test
	void synonymsAddVariants() {
		assertThat(QueryPreparation.prepare("社保 缴费", SYNONYMS).textVariants()).containsExactly("社保 缴费", "社会保险 缴费");
		assertThat(QueryPreparation.prepare("社会保险缴费", SYNONYMS).textVariants()).containsExactly("社会保险缴费", "社保缴费");
		assertThat(QueryPreparation.prepare("社保和低保", SYNONYMS).textVariants()).containsExactly("社保和低保",
				"社会保险和低保", "社保和最低生活保障", "社会保险和最低生活保障");
		assertThat(QueryPreparation.prepare("公积金", SYNONYMS).textVariants()).containsExactly("公积金");
	}

	@Test
	void synonymMembersAreFoldedAndPhrasesAreNotExpanded() {
		List<Set<String>> groups = List.of(Set.of("醫保", "医疗保险"));
		assertThat(QueryPreparation.prepare("医保", groups).textVariants()).containsExactly("医保", "医疗保险");
		assertThat(QueryPreparation.prepare("\"医保\"", groups).textVariants()).isEmpty();
	}

	@Test
	void aMemberInsideALongerMemberIsNotReplaced() {
		List<Set<String>> groups = List.of(Set.of("保险", "社会保险", "社保"));
		List<String> variants = QueryPreparation.prepare("社会保险", groups).textVariants();
		assertThat(variants.get(0)).isEqualTo("社会保险");
		assertThat(variants).containsExactlyInAnyOrder("社会保险", "社保", "保险");
	}

	@Test
	void capsTheVariants() {
		List<Set<String>> groups = List.of(Set.of("甲", "乙", "丙"), Set.of("丁", "戊", "己"), Set.of("庚", "辛"));
		List<String> variants = QueryPreparation.prepare("甲丁庚", groups).textVariants();
		assertThat(variants).hasSize(QueryPreparation.MAX_VARIANTS).doesNotHaveDuplicates();
		assertThat(variants.get(0)).isEqualTo("甲丁庚");
	}
}
