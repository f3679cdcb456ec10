package org.gongkai.oversight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gongkai.inforequest.Remedy;
import org.gongkai.inforequest.RequestStatistics;
import org.gongkai.interaction.MessageMonitoring;
import org.gongkai.interpretation.InterpretationStatistics;
import org.gongkai.interpretation.Obligation;
import org.gongkai.organisation.Agency;
import org.gongkai.participation.ParticipationStatistics;
import org.gongkai.platform.Actors;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.Zones;
import org.gongkai.powers.EnforcementStatistics;
import org.gongkai.powers.ServiceGuideCompleteness;
import org.gongkai.publication.PublicationQueries;
import org.gongkai.publication.PublicationStatistics;
import org.gongkai.report.AnnualReportQueries;
import org.gongkai.report.ReportDeadline;
import org.gongkai.report.ReportSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The figures of the automatic inspection of an agency's site and disclosure work, computed from the records through
 * the statistics of the modules that own them (see {@link MonitoringRules} for the windows and their sources). Runs as
 * the system: callers check who may see the agency.
 */
@Component
@Order(0)
public class MonitoringSource implements OversightFigureSource {

	private static final Logger log = LoggerFactory.getLogger(MonitoringSource.class);

	private final ColumnWindows columns;

	private final PublicationQueries publication;

	private final PublicationStatistics publicationStatistics;

	private final MessageMonitoring messages;

	private final InterpretationStatistics interpretations;

	private final EnforcementStatistics enforcement;

	private final ServiceGuideCompleteness guides;

	private final RequestStatistics requests;

	private final ParticipationStatistics participation;

	private final AnnualReportQueries reports;

	private final LinkCheckResults links;

	MonitoringSource(ColumnWindows columns, PublicationQueries publication, PublicationStatistics publicationStatistics,
			MessageMonitoring messages, InterpretationStatistics interpretations, EnforcementStatistics enforcement,
			ServiceGuideCompleteness guides, RequestStatistics requests, ParticipationStatistics participation,
			AnnualReportQueries reports, LinkCheckResults links) {
		this.columns = columns;
		this.publication = publication;
		this.publicationStatistics = publicationStatistics;
		this.messages = messages;
		this.interpretations = interpretations;
		this.enforcement = enforcement;
		this.guides = guides;
		this.requests = requests;
		this.participation = participation;
		this.reports = reports;
		this.links = links;
	}

	private static final List<FigureDefinition> DEFINITIONS = List.of(
			new FigureDefinition("home.staleDays", "首页未更新天数", "天",
					"本单位最近一次发布信息距监测日的天数（国办秘函〔2019〕19号：监测2周首页无信息更新即单项否决；未注明发布时间的视为不更新）", 100),
			new FigureDefinition("columns.news.stale", "动态要闻类栏目未更新", "个", "监测时间点前2周内未更新的动态、要闻类栏目", 110),
			new FigureDefinition("columns.notice.stale", "通知公告政策文件类栏目未更新", "个",
					"监测时间点前6个月内未更新的通知公告、政策文件类栏目", 111),
			new FigureDefinition("columns.plan.stale", "人事规划计划类栏目未更新", "个", "监测时间点前1年内未更新的人事、规划计划类栏目", 112),
			new FigureDefinition("columns.windowStale", "栏目不更新", "个",
					"动态要闻类（2周）与通知公告、政策文件类（6个月）未更新栏目合计（累计超过（含）5个即单项否决）", 113),
			new FigureDefinition("columns.longStale", "长期未更新栏目", "个",
					"应更新但超过更新周期且1年以上未更新的栏目（超过（含）10个即单项否决）", 114),
			new FigureDefinition("columns.empty", "空白栏目", "个", "应有内容而没有任何公开信息、在网站上可见的栏目（一级栏目，或注明了空白原因的下级栏目；超过（含）5个即单项否决）", 115),
			new FigureDefinition("messages.unanswered3m", "超过3个月未回应留言", "条",
					"监测时间点前1年内提交、超过3个月仍未答复的有效留言（存在即单项否决）", 120),
			new FigureDefinition("messages.late", "留言逾期答复", "条", "本年度提交的有效留言中超过答复期限才答复或至今逾期未答复的", 121),
			new FigureDefinition("messages.repliesStale", "留言答复未更新", "项",
					"1年内收到有效留言而监测时间点前2个月内没有答复任何留言（1为是）", 122),
			new FigureDefinition("proactive.published", "主动公开信息", "条", "本年度首次公开的信息", 130),
			new FigureDefinition("proactive.late", "主动公开超时限", "条", "本年度公开晚于条例第二十六条时限的信息", 131),
			new FigureDefinition("interpretations.late", "政策解读逾期", "件", "本年度需解读的政策逾期才解读的", 140),
			new FigureDefinition("interpretations.missing", "政策解读缺失", "件", "本年度需解读的政策逾期仍未解读的", 141),
			new FigureDefinition("enforcement.late", "行政执法公示逾期", "件",
					"本年度行政许可、处罚决定超过7个工作日才公示的，以及至今逾期未公示的", 150),
			new FigureDefinition("requests.answered", "依申请公开答复", "件", "本年度已答复的政府信息公开申请", 160),
			new FigureDefinition("requests.late", "依申请公开超期答复", "件", "本年度答复晚于答复期限的申请", 161),
			new FigureDefinition("requests.corrected", "复议诉讼被纠错", "件", "本年度提起的行政复议、行政诉讼中结果被纠正的", 162),
			new FigureDefinition("consultations.noFeedback", "征集未反馈", "件", "本年度结束的意见征集中尚未公布采纳情况反馈的", 170),
			new FigureDefinition("guides.incomplete", "办事指南要素缺失", "项", "办事指南缺少十要素之一或尚无指南的事项", 180),
			new FigureDefinition("links.broken", "不可用链接", "条",
					"已公开信息正文中的链接，最近一次检查返回404或403的（其他错误记为疑似，不计入）", 190),
			new FigureDefinition("report.late", "年度报告未按时公布", "项", "上一年度政府信息公开工作年度报告未在法定期限前公布（1为是）",
					200));

	@Override
	public List<FigureDefinition> definitions() {
		return DEFINITIONS;
	}

	@Override
	public List<OversightFigure> compute(Agency agency, LocalDate on) {
		return Actors.callAsSystem(() -> computeAsSystem(agency, on));
	}

	private List<OversightFigure> computeAsSystem(Agency agency, LocalDate on) {
		long id = agency.id();
		int year = on.getYear();
		List<OversightFigure> out = new ArrayList<>();
		out.add(guard("home.staleDays", () -> homeStaleDays(agency, on)));
		out.addAll(guardAll(List.of("columns.news.stale", "columns.notice.stale", "columns.plan.stale",
				"columns.windowStale", "columns.longStale", "columns.empty"), () -> columnFigures(id, on)));
		out.addAll(guardAll(List.of("messages.unanswered3m", "messages.late", "messages.repliesStale"),
				() -> messageFigures(id, on)));
		out.addAll(guardAll(List.of("proactive.published", "proactive.late"), () -> {
			PublicationStatistics.ProactiveFigures p = publicationStatistics.proactive(id, year);
			return List.of(new OversightFigure("proactive.published", p.published(), 0, List.of()),
					new OversightFigure("proactive.late", p.late(), 0,
							upTo(publicationStatistics.proactiveRecords(id, year, "late"), on)));
		}));
		out.addAll(guardAll(List.of("interpretations.late", "interpretations.missing"), () -> {
			InterpretationStatistics.YearFigures f = interpretations.of(id, year);
			return List.of(obligations("interpretations.late", f.problems(), Obligation.State.LATE, on),
					obligations("interpretations.missing", f.problems(), Obligation.State.MISSING, on));
		}));
		out.add(guard("enforcement.late", () -> {
			EnforcementStatistics.Publication p = enforcement.publication(List.of(id), year);
			return OversightFigure.of("enforcement.late", p.late() + p.overdueUnpublished());
		}));
		out.addAll(guardAll(List.of("requests.answered", "requests.late", "requests.corrected"), () -> {
			RequestStatistics.Performance p = requests.performance(id, year);
			RequestStatistics.Table4 t = requests.table4(id, year);
			List<CountedRecord> corrected = new ArrayList<>();
			for (Remedy.Kind kind : Remedy.Kind.values()) {
				corrected.addAll(requests.table4Records(id, year, kind, Remedy.Result.CORRECTED));
			}
			long correctedCount = 0;
			for (Remedy.Kind kind : Remedy.Kind.values()) {
				correctedCount += t.cell(kind, Remedy.Result.CORRECTED);
			}
			return List.of(OversightFigure.of("requests.answered", p.replied()),
					OversightFigure.of("requests.late", p.replied() - p.onTime()),
					new OversightFigure("requests.corrected", correctedCount, 0, corrected));
		}));
		out.add(guard("consultations.noFeedback", () -> {
			List<CountedRecord> closed = participation.records(id, year, "consultationsClosed");
			Set<String> withFeedback = new java.util.HashSet<>();
			for (int y = year; y <= year + 1; y++) {
				participation.records(id, y, "feedbackPublished").forEach(r -> withFeedback.add(r.reference()));
			}
			List<CountedRecord> missing = closed.stream().filter(r -> !withFeedback.contains(r.reference())).toList();
			return new OversightFigure("consultations.noFeedback", missing.size(), 0, missing);
		}));
		out.add(guard("guides.incomplete", () -> {
			List<CountedRecord> records = guides.incompleteGuides(List.of(id))
				.stream()
				.map(g -> new CountedRecord("事项#" + g.itemId(), g.itemName() + "：缺" + String.join("、", g.missing()), null,
						"/console/services/" + g.itemId()))
				.toList();
			return new OversightFigure("guides.incomplete", records.size(), 0, records);
		}));
		out.add(guard("links.broken", () -> {
			List<CountedRecord> records = links.brokenRecords(id);
			return new OversightFigure("links.broken", records.size(), 0, records);
		}));
		out.add(guard("report.late", () -> reportLate(agency, on)));
		return out;
	}

	private OversightFigure homeStaleDays(Agency agency, LocalDate on) {
		LocalDate last = publication.lastPublishedByNode(agency.id())
			.values()
			.stream()
			.filter(d -> d != null && !d.isAfter(on))
			.max(LocalDate::compareTo)
			.orElse(null);
		if (last == null) {
			LocalDate created = LocalDate.ofInstant(agency.createdAt(), Zones.CHINA);
			return new OversightFigure("home.staleDays", Math.max(0, ChronoUnit.DAYS.between(created, on)), 0,
					List.of(new CountedRecord("首页", "本单位尚未发布任何信息", null, "/console/documents")));
		}
		return new OversightFigure("home.staleDays", Math.max(0, ChronoUnit.DAYS.between(last, on)), 0,
				List.of(new CountedRecord("首页", "最近一次发布信息", last, "/console/documents")));
	}

	private List<OversightFigure> columnFigures(long agencyId, LocalDate on) {
		List<CountedRecord> news = new ArrayList<>();
		List<CountedRecord> newsSoon = new ArrayList<>();
		List<CountedRecord> notice = new ArrayList<>();
		List<CountedRecord> noticeSoon = new ArrayList<>();
		List<CountedRecord> plan = new ArrayList<>();
		List<CountedRecord> planSoon = new ArrayList<>();
		List<CountedRecord> longStale = new ArrayList<>();
		List<CountedRecord> longSoon = new ArrayList<>();
		List<CountedRecord> empty = new ArrayList<>();
		for (ColumnWindows.ColumnWindowState c : columns.columns(agencyId)) {
			LocalDate last = c.lastPublished() != null && c.lastPublished().isAfter(on) ? null : c.lastPublished();
			CountedRecord record = MonitoringRules.columnRecord(c.node(), last, c.consoleUrl());
			if (last == null) {
				if (c.visibleWhenEmpty()) {
					empty.add(record);
				}
				continue;
			}
			ColumnWindowClass cls = c.windowClass();
			boolean stale = cls.isStale(last, on);
			boolean soon = cls.isSoonStale(last, on);
			switch (cls) {
				case NEWS -> (stale ? news : soon ? newsSoon : new ArrayList<CountedRecord>()).add(record);
				case NOTICE_POLICY -> (stale ? notice : soon ? noticeSoon : new ArrayList<CountedRecord>()).add(record);
				case PERSONNEL_PLAN -> (stale ? plan : soon ? planSoon : new ArrayList<CountedRecord>()).add(record);
				default -> {
				}
			}
			if (MonitoringRules.isLongStale(cls, last, on)) {
				longStale.add(record);
			}
			else if (MonitoringRules.isLongStale(cls, last, on.plusDays(MonitoringRules.LONG_STALE_LEAD_DAYS))) {
				longSoon.add(record);
			}
		}
		List<CountedRecord> window = concat(news, notice);
		List<CountedRecord> windowSoon = concat(newsSoon, noticeSoon);
		return List.of(figure("columns.news.stale", news, newsSoon), figure("columns.notice.stale", notice, noticeSoon),
				figure("columns.plan.stale", plan, planSoon), figure("columns.windowStale", window, windowSoon),
				figure("columns.longStale", longStale, longSoon), figure("columns.empty", empty, List.of()));
	}

	private List<OversightFigure> messageFigures(long agencyId, LocalDate on) {
		LocalDate yearAgo = on.minusYears(1);
		LocalDate from = yearAgo.isBefore(LocalDate.of(on.getYear(), 1, 1)) ? yearAgo : LocalDate.of(on.getYear(), 1, 1);
		List<MessageMonitoring.WatchedMessage> all = messages.validSubmittedBetween(agencyId, from, on);
		List<CountedRecord> unanswered = new ArrayList<>();
		List<CountedRecord> unansweredSoon = new ArrayList<>();
		List<CountedRecord> late = new ArrayList<>();
		boolean receivedInYear = false;
		for (MessageMonitoring.WatchedMessage m : all) {
			CountedRecord record = new CountedRecord(m.trackingCode(), m.type().label() + "留言（" + m.status().label() + "）",
					m.submittedOn(), m.consoleUrl());
			if (m.submittedOn().isAfter(yearAgo)) {
				receivedInYear = true;
				boolean open = m.awaitingReply() || m.firstRepliedOn() == null || m.firstRepliedOn().isAfter(on);
				if (open && MonitoringRules.isUnansweredOverThreeMonths(m.submittedOn(), on)) {
					unanswered.add(record);
				}
				else if (open && MonitoringRules.isUnansweredSoon(m.submittedOn(), on)) {
					unansweredSoon.add(record);
				}
			}
			if (m.submittedOn().getYear() == on.getYear()) {
				boolean repliedLate = m.firstRepliedOn() != null && !m.firstRepliedOn().isAfter(on) && m.replyLate();
				boolean overdueOpen = (m.firstRepliedOn() == null || m.firstRepliedOn().isAfter(on)) && m.dueOn() != null
						&& m.dueOn().isBefore(on);
				if (repliedLate || overdueOpen) {
					late.add(record);
				}
			}
		}
		LocalDate lastReply = messages.lastReplyOn(agencyId, on).orElse(null);
		boolean repliesStale = receivedInYear && (lastReply == null || lastReply.isBefore(on.minusMonths(2)));
		List<CountedRecord> staleRecords = repliesStale
				? List.of(new CountedRecord("留言答复", lastReply == null ? "从未答复留言" : "最近一次答复", lastReply,
						"/console/messages"))
				: List.of();
		return List.of(figure("messages.unanswered3m", unanswered, unansweredSoon),
				new OversightFigure("messages.late", late.size(), 0, late),
				new OversightFigure("messages.repliesStale", repliesStale ? 1 : 0, 0, staleRecords));
	}

	private static OversightFigure obligations(String key, List<Obligation> problems, Obligation.State state,
			LocalDate on) {
		List<CountedRecord> records = problems.stream()
			.filter(o -> o.state(on) == state)
			.map(o -> new CountedRecord("文件#" + o.documentId(), o.documentTitle(), o.dueOn(),
					"/console/documents/" + o.documentId()))
			.toList();
		return new OversightFigure(key, records.size(), 0, records);
	}

	private OversightFigure reportLate(Agency agency, LocalDate on) {
		int reportYear = on.getYear() - 1;
		if (LocalDate.ofInstant(agency.createdAt(), Zones.CHINA).getYear() > reportYear) {
			return OversightFigure.of("report.late", 0); // the agency did not exist in that year
		}
		ReportDeadline deadline = reports.deadline(agency.id(), reportYear);
		if (!on.isAfter(deadline.dueOn())) {
			return OversightFigure.of("report.late", 0);
		}
		LocalDate firstPublished = reports.publishedVersions(agency.id(), reportYear)
			.stream()
			.map(ReportSummary::publishedOn)
			.filter(d -> d != null)
			.min(LocalDate::compareTo)
			.orElse(null);
		if (firstPublished != null && !firstPublished.isAfter(deadline.dueOn())) {
			return OversightFigure.of("report.late", 0);
		}
		return new OversightFigure("report.late", 1, 0,
				List.of(new CountedRecord(reportYear + "年度报告",
						firstPublished == null ? "截至监测日未公布（期限" + deadline.dueOn() + "）"
								: "公布于" + firstPublished + "，晚于期限" + deadline.dueOn(),
						deadline.dueOn(), "/console/reports")));
	}

	private static List<CountedRecord> upTo(List<CountedRecord> records, LocalDate on) {
		return records.stream().filter(r -> r.date() == null || !r.date().isAfter(on)).toList();
	}

	private static OversightFigure figure(String key, List<CountedRecord> records, List<CountedRecord> soon) {
		return new OversightFigure(key, records.size(), soon.size(), concat(records, soon));
	}

	private static List<CountedRecord> concat(List<CountedRecord> a, List<CountedRecord> b) {
		List<CountedRecord> out = new ArrayList<>(a);
		out.addAll(b);
		return out;
	}

	private OversightFigure guard(String key, Supplier<OversightFigure> work) {
		return guardAll(List.of(key), () -> List.of(work.get())).get(0);
	}

	/** A figure that cannot be computed (for example a year without its holiday notice) is 0 with the reason as its record. */
	private List<OversightFigure> guardAll(List<String> keys, Supplier<List<OversightFigure>> work) {
		try {
			return work.get();
		}
		catch (RuntimeException e) {
			log.warn("Monitoring figures {} could not be computed: {}", keys, e.toString());
			CountedRecord reason = new CountedRecord("计算失败", String.valueOf(e.getMessage()), null, null);
			return keys.stream().map(k -> new OversightFigure(k, 0, 0, List.of(reason))).toList();
		}
	}

	static Map<String, FigureDefinition> definitionsByKey() {
		return DEFINITIONS.stream().collect(Collectors.toMap(FigureDefinition::key, d -> d, (a, b) -> a,
				java.util.LinkedHashMap::new));
	}

	static List<String> keys() {
		return Collections.unmodifiableList(DEFINITIONS.stream().map(FigureDefinition::key).toList());
	}
}
