package org.gongkai.report;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Chinese draft of sections 一, 五 and 六 made from {@link ReportFacts}: every number comes from the facts, so
 * nobody types one by hand; the agency then edits the text. Section 五 only lists facts that point to problems (late
 * items, late replies, consultations without feedback); it never claims anything the records do not show.
 */
final class ReportDrafting {

	static final String FEE_BASIS = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）";

	private ReportDrafting() {
	}

	static ReportTextInput draft(String agencyName, ReportFacts f) {
		Map<ReportSixPart, String> parts = new EnumMap<>(ReportSixPart.class);
		parts.put(ReportSixPart.FEES, fees(f));
		parts.put(ReportSixPart.WORK_PLAN, "");
		parts.put(ReportSixPart.MOTIONS, motions(f));
		parts.put(ReportSixPart.INNOVATION, "");
		return new ReportTextInput(one(agencyName, f), five(f), "", parts);
	}

	static String one(String agencyName, ReportFacts f) {
		StringBuilder s = new StringBuilder();
		s.append(f.year()).append("年，").append(agencyName)
			.append("认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。\n\n");
		s.append("（一）主动公开\n");
		s.append("全年主动公开政府信息").append(f.published()).append("条");
		if (f.published() > 0) {
			s.append("，其中按时公开").append(f.publishedOnTime()).append("条");
		}
		if (!f.publishedByColumn().isEmpty()) {
			s.append("。按栏目分：").append(f.publishedByColumn()
				.stream()
				.filter(c -> c.count() > 0)
				.map(c -> c.title() + c.count() + "条")
				.collect(Collectors.joining("，")));
		}
		s.append("。制发规章").append(f.rulesIssued()).append("件、行政规范性文件").append(f.normativeIssued())
			.append("件，废止行政规范性文件").append(f.normativeRepealed()).append("件，现行有效行政规范性文件")
			.append(f.normativeInForce()).append("件。发布政策解读").append(f.interpretations()).append("篇。");
		if (f.consultations() > 0 || f.consultationsClosed() > 0) {
			s.append("开展草案意见征集").append(f.consultations()).append("次，收到意见").append(f.comments())
				.append("条，采纳").append(f.commentsAdopted()).append("条、部分采纳").append(f.commentsPartlyAdopted())
				.append("条。");
		}
		s.append("\n\n（二）依申请公开\n");
		s.append("本年新收政府信息公开申请").append(f.requestsNew()).append("件，上年结转").append(f.requestsCarriedIn())
			.append("件，办结").append(f.requestsConcluded()).append("件，结转下年度继续办理").append(f.requestsCarriedOut())
			.append("件。");
		int replies = f.repliesOnTime() + f.repliesLate();
		if (replies > 0) {
			s.append("本年作出答复").append(replies).append("件，其中在法定期限内答复").append(f.repliesOnTime()).append("件");
			BigDecimal rate = f.repliesOnTimeRate();
			s.append("，按时答复率").append(rate.toPlainString()).append("%。");
		}
		if (f.feesPaid() > 0) {
			s.append("依法收取信息处理费").append(f.feesPaid()).append("件。");
		}
		s.append("因政府信息公开被申请行政复议").append(f.reconsiderations()).append("件、被提起行政诉讼")
			.append(f.litigations()).append("件。");
		s.append("\n\n（三）政府信息管理\n");
		s.append("（待填写：公开属性认定、保密审查、规范性文件清理等情况。）");
		s.append("\n\n（四）政府信息公开平台建设\n");
		s.append("通过政府网站留言渠道收到群众留言").append(f.messages()).append("条，答复").append(f.messagesReplied())
			.append("条");
		BigDecimal onTime = f.messagesOnTimeRate();
		if (onTime != null) {
			s.append("，按时答复率").append(onTime.toPlainString()).append("%");
		}
		s.append("。");
		s.append("\n\n（五）监督保障\n");
		s.append("（待填写：工作机制、培训、考核、社会评议和责任追究等情况。）");
		return s.toString();
	}

	static String five(ReportFacts f) {
		StringBuilder s = new StringBuilder();
		s.append("根据平台记录，本年度以下情况需要改进：\n");
		int items = 0;
		if (f.publishedLate() > 0) {
			s.append(++items).append(". 有").append(f.publishedLate()).append("条政府信息未在规定时限内公开。\n");
		}
		if (f.interpretationsLate() > 0) {
			s.append(++items).append(". 有").append(f.interpretationsLate()).append("篇政策解读未与文件同步发布。\n");
		}
		if (f.repliesLate() > 0) {
			s.append(++items).append(". 有").append(f.repliesLate()).append("件政府信息公开申请超过法定期限答复。\n");
		}
		if (f.consultationsWithoutFeedback() > 0) {
			s.append(++items).append(". 有").append(f.consultationsWithoutFeedback()).append("次意见征集结束后未公开采纳情况反馈。\n");
		}
		int lateMessages = f.messagesReplied() - f.messagesOnTime();
		if (lateMessages > 0) {
			s.append(++items).append(". 有").append(lateMessages).append("条群众留言超过时限答复。\n");
		}
		if (f.motionsPublishedLate() > 0) {
			s.append(++items).append(". 有").append(f.motionsPublishedLate()).append("件建议提案办理复文未按时公开。\n");
		}
		if (f.reconsiderationsCorrected() + f.litigationsCorrected() > 0) {
			s.append(++items).append(". 有").append(f.reconsiderationsCorrected() + f.litigationsCorrected())
				.append("件政府信息公开行政复议、行政诉讼案件结果为纠正。\n");
		}
		if (items == 0) {
			s.append("平台记录未显示逾期公开、逾期答复或未反馈的情况。\n");
		}
		s.append("（待填写：存在的主要问题及下一步改进措施。）");
		return s.toString();
	}

	static String fees(ReportFacts f) {
		if (f.feesPaid() == 0) {
			return "本年度未收取信息处理费。";
		}
		return "本年度依据" + FEE_BASIS + "发出收费通知" + f.feeNotices() + "件，申请人缴费" + f.feesPaid()
				+ "件，共收取信息处理费" + yuan(f.feesCollectedYuan()) + "元。";
	}

	static String motions(ReportFacts f) {
		if (f.suggestions() + f.proposals() == 0) {
			return "本年度未承办人大代表建议和政协提案。";
		}
		return "本年度承办人大代表建议" + f.suggestions() + "件、政协提案" + f.proposals() + "件，公开办理复文"
				+ f.motionsPublished() + "件。";
	}

	private static String yuan(BigDecimal v) {
		return v == null ? "0" : v.stripTrailingZeros().toPlainString();
	}
}
