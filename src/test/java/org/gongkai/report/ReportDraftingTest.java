package org.gongkai.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The drafted texts: every figure from the facts, the five sub-headings of 一, 五 listing only what the facts show. */
class ReportDraftingTest {

	@Test
	void sectionOneHasTheFiveSubHeadingsFilledWithTheFacts() {
		ReportTextInput draft = ReportDrafting.draft("沂源县发展和改革局", facts(2, 1, 0));
		assertThat(draft.one()).contains("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障")
			.contains("全年主动公开政府信息120条，其中按时公开118条")
			.contains("通知公告80条", "政策文件40条")
			.contains("行政规范性文件3件", "发布政策解读4篇")
			.contains("开展草案意见征集2次，收到意见15条，采纳6条、部分采纳2条")
			.contains("本年新收政府信息公开申请7件，上年结转1件，办结6件，结转下年度继续办理2件")
			.contains("在法定期限内答复5件，按时答复率83.3%")
			.contains("被申请行政复议1件、被提起行政诉讼0件")
			.contains("收到群众留言30条，答复28条，按时答复率96.4%");
		assertThat(draft.one()).doesNotContain("null");
	}

	@Test
	void sectionFiveListsOnlyProblemsTheRecordsShow() {
		String five = ReportDrafting.five(facts(2, 1, 1));
		assertThat(five).contains("有2条政府信息未在规定时限内公开", "有1件政府信息公开申请超过法定期限答复",
				"有1次意见征集结束后未公开采纳情况反馈", "有1条群众留言超过时限答复");
		assertThat(five).doesNotContain("政策解读未与文件同步");
		String clean = ReportDrafting.five(new ReportFacts(2025, 0, 0, 0, List.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
				0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0));
		assertThat(clean).contains("平台记录未显示").doesNotContain("有");
	}

	@Test
	void sixStatesFeesUnder109AndMotionsFromTheFacts() {
		ReportTextInput draft = ReportDrafting.draft("某局", facts(0, 0, 0));
		assertThat(draft.sixParts().get(ReportSixPart.FEES)).contains("国办函〔2020〕109号")
			.contains("发出收费通知3件，申请人缴费2件，共收取信息处理费380元");
		assertThat(draft.sixParts().get(ReportSixPart.MOTIONS)).isEqualTo("本年度承办人大代表建议5件、政协提案3件，公开办理复文7件。");
		assertThat(draft.sixParts()).containsKeys(ReportSixPart.values());
	}

	static ReportFacts facts(int publishedLate, int repliesLate, int withoutFeedback) {
		return new ReportFacts(2025, 120, 118, publishedLate,
				List.of(new ReportFacts.ColumnCount("tzgg", "通知公告", 80), new ReportFacts.ColumnCount("zcwj", "政策文件", 40),
						new ReportFacts.ColumnCount("empty", "空栏目", 0)),
				0, 3, 1, 12, 4, 0, 2, 2, withoutFeedback, 15, 6, 2, 7, 1, 30, 28, 27, 5, 3, 7, 0, 7, 1, 6, 2, 5,
				repliesLate, 3, 2, new BigDecimal("380.00"), 1, 0, 0, 0);
	}
}
