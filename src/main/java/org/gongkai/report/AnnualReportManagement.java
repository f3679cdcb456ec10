package org.gongkai.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes of annual reports: drafting ({@link #start}), editing the texts, the workflow draft → in review → reviewed →
 * approved → published, corrections as new versions, the import of earlier years, and the daily reminders. Editors
 * and agency administrators draft, submit and publish; reviewers review or return; the approver (the leader in charge,
 * 第一责任人) approves. Every transition is audited ({@link ChangeRecorded}) and written to the version's history. A
 * published version is never changed again.
 */
@Service
@Transactional
public class AnnualReportManagement {

	static final Role[] EDITORS = { Role.EDITOR, Role.AGENCY_ADMIN };

	static final int MAX_TEXT = 50_000;

	/** Days before the deadline on which a reminder is recorded; 0 stands for overdue. */
	static final int[] REMINDER_DAYS = { 30, 14, 7, 3, 1 };

	private final AnnualReports reports;

	private final AnnualReportQueries queries;

	private final ReportComposer composer;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AnnualReportManagement(AnnualReports reports, AnnualReportQueries queries, ReportComposer composer,
			AgencyDirectory agencies, AgencyAccess access, ApplicationEventPublisher events, Clock clock) {
		this.reports = reports;
		this.queries = queries;
		this.composer = composer;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** A new draft (version 1) of the agency's report for the year, its texts drafted from the facts. */
	public ReportWork start(long agencyId, int year) {
		Actor actor = access.require(agencyId, EDITORS);
		Agency agency = agencies.requireById(agencyId);
		int current = today().getYear();
		if (year < 2021 || year > current) {
			throw InvalidInputException.of("year", "年度报告年份应在2021至" + current + "之间（更早的报告请导入）");
		}
		if (!reports.ofYear(agencyId, year).isEmpty()) {
			throw new DomainException(agency.name() + year + "年度报告已经存在，请打开已有的报告");
		}
		ReportTextInput draft = ReportDrafting.draft(agency.name(), composer.facts(agencyId, year));
		Instant now = clock.instant();
		AnnualReports.Stored s = new AnnualReports.Stored(0, agencyId, year, 1, ReportFormat.F2021,
				ReportStatus.DRAFT, false, 1, draft.one(), draft.five(), draft.six(), parts(draft), null, null, null,
				null, actor.username(), now, actor.username(), now);
		long id = insertOnce(s, agency.name() + year + "年度报告已经存在，请打开已有的报告");
		record(actor, id, agencyId, "report.created", "起草", year + "年度报告草稿由平台根据记录生成", null, "草稿");
		return queries.work(reports.find(id).orElseThrow());
	}

	/** Saves the edited texts of a draft; a stale revision is refused with both revisions named (409). */
	public ReportWork saveText(long reportId, long revision, ReportTextInput input) {
		AnnualReports.Stored s = lock(reportId);
		Actor actor = access.require(s.agencyId(), EDITORS);
		requireStatus(s, "修改文本", ReportStatus.DRAFT);
		if (s.revision() != revision) {
			throw new DomainException("报告已被他人修改（当前修订号" + s.revision() + "，您编辑的是修订号" + revision
					+ "），请重新打开后再修改");
		}
		validateTexts(input);
		AnnualReports.Stored changed = s.withText(input);
		save(changed, actor);
		record(actor, reportId, s.agencyId(), "report.text-saved", "保存文本", null, null, null);
		return queries.work(reports.find(reportId).orElseThrow());
	}

	/** Recomposes the cells from the records (they are composed live until approval; this records the refresh). */
	public ReportWork refresh(long reportId) {
		AnnualReports.Stored s = lock(reportId);
		Actor actor = access.require(s.agencyId(), EDITORS);
		requireStatus(s, "重新生成表格", ReportStatus.DRAFT, ReportStatus.IN_REVIEW, ReportStatus.REVIEWED);
		record(actor, reportId, s.agencyId(), "report.refreshed", "重新生成表格", "表二至表四已按最新记录重新统计", null, null);
		return queries.work(reports.find(reportId).orElseThrow());
	}

	/** Draft → in review. */
	public ReportWork submit(long reportId) {
		AnnualReports.Stored s = lock(reportId);
		Actor actor = access.require(s.agencyId(), EDITORS);
		return transition(s, actor, ReportStatus.IN_REVIEW, "report.submitted", "提交审核", null, ReportStatus.DRAFT);
	}

	/** In review → reviewed, by a reviewer. */
	public ReportWork review(long reportId, String note) {
		AnnualReports.Stored s = lock(reportId);
		Actor actor = access.require(s.agencyId(), Role.REVIEWER);
		return transition(s, actor, ReportStatus.REVIEWED, "report.reviewed", "审核通过", trim(note),
				ReportStatus.IN_REVIEW);
	}

	/** In review or reviewed → draft, with the reason, by a reviewer or the approver. */
	public ReportWork sendBack(long reportId, String reason) {
		AnnualReports.Stored s = lock(reportId);
		Actor actor = access.require(s.agencyId(), Role.REVIEWER, Role.APPROVER);
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "请填写退回原因");
		}
		return transition(s, actor, ReportStatus.DRAFT, "report.returned", "退回修改", reason.trim(),
				ReportStatus.IN_REVIEW, ReportStatus.REVIEWED);
	}

	/**
	 * Reviewed → approved by the approver: recomposes the cells, checks them and freezes them in this one
	 * transaction, so what is approved is what the checks saw. Refused while any blocking problem stands.
	 */
	public ReportWork approve(long reportId, String note) {
		AnnualReports.Stored s = lock(reportId);
		Actor actor = access.require(s.agencyId(), Role.APPROVER);
		requireStatus(s, "批准", ReportStatus.REVIEWED);
		ReportCells cells = composer.compose(s.agencyId(), s.year());
		ReportView view = queries.view(s, cells);
		List<ReportProblem> blocking = ReportChecks.check(view).stream().filter(ReportProblem::blocking).toList();
		if (!blocking.isEmpty()) {
			throw refusal(blocking);
		}
		reports.freezeCells(reportId, cells);
		return transition(s, actor, ReportStatus.APPROVED, "report.approved", "批准", trim(note),
				ReportStatus.REVIEWED);
	}

	/** Approved → published in the agency's 年度报告 column; immutable afterwards. */
	public ReportWork publish(long reportId) {
		AnnualReports.Stored s = lock(reportId);
		Actor actor = access.require(s.agencyId(), EDITORS);
		requireStatus(s, "发布", ReportStatus.APPROVED);
		Instant now = clock.instant();
		AnnualReports.Stored published = s.published(today(), now);
		save(published, actor);
		record(actor, reportId, s.agencyId(), "report.published", "发布",
				s.version() > 1 ? "更正版本（第" + s.version() + "版）" : null, s.status().label(),
				ReportStatus.PUBLISHED.label());
		events.publishEvent(new PublicPagesChanged(s.agencyId()));
		events.publishEvent(new AnnualReportPublished(reportId, s.agencyId(), s.year(), s.version()));
		return queries.work(reports.find(reportId).orElseThrow());
	}

	/**
	 * A correction of the year's latest published version: a new draft version n+1 with the texts copied and the
	 * cells composed afresh; the reason is shown publicly once the correction is published.
	 */
	public ReportWork correct(long agencyId, int year, String reason) {
		Actor actor = access.require(agencyId, EDITORS);
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "请填写更正原因（发布后向社会公开）");
		}
		if (reason.length() > 2000) {
			throw InvalidInputException.of("reason", "更正原因不能超过2000字");
		}
		List<AnnualReports.Stored> versions = reports.ofYear(agencyId, year);
		if (versions.isEmpty()) {
			throw DomainException.notFound("该年度没有年度报告");
		}
		AnnualReports.Stored latest = versions.get(0);
		if (latest.status() != ReportStatus.PUBLISHED) {
			throw new DomainException("该年度已有未发布的版本（" + latest.status().label() + "），请在该版本上继续");
		}
		if (latest.imported()) {
			throw new DomainException("导入的历史报告不能在平台上更正");
		}
		Instant now = clock.instant();
		AnnualReports.Stored s = new AnnualReports.Stored(0, agencyId, year, latest.version() + 1, latest.format(),
				ReportStatus.DRAFT, false, 1, latest.one(), latest.five(), latest.six(), latest.parts(), reason.trim(),
				null, null, null, actor.username(), now, actor.username(), now);
		long id = insertOnce(s, "该年度的更正版本已由他人创建，请打开该版本");
		record(actor, id, agencyId, "report.correction-started", "开始更正", reason.trim(),
				"第" + latest.version() + "版已发布", "第" + s.version() + "版草稿");
		return queries.work(reports.find(id).orElseThrow());
	}

	/**
	 * An earlier year's report, published outside the platform, entered as it was published (2019 or 2021 format)
	 * and stored straight as published and imported. Refused when V1–V3 or table 四 do not add up.
	 */
	public ReportSummary importHistory(ReportImportInput in) {
		Actor actor = access.require(in.agencyId(), EDITORS);
		Agency agency = agencies.requireById(in.agencyId());
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		LocalDate today = today();
		if (in.format() == null) {
			problems.add(new InvalidInputException.FieldProblem("format", "请选择报告格式"));
		}
		else if (in.format() == ReportFormat.F2019 && in.year() > 2020) {
			problems.add(new InvalidInputException.FieldProblem("format", "2019年版格式只用于2019、2020年度的报告"));
		}
		else if (in.format() == ReportFormat.F2021 && in.year() < 2021) {
			problems.add(new InvalidInputException.FieldProblem("format", "2021年版格式自2021年度报告起使用"));
		}
		if (in.year() < 2008 || in.year() >= today.getYear()) {
			problems.add(new InvalidInputException.FieldProblem("year", "只能导入往年（2008年至" + (today.getYear() - 1) + "年）的报告"));
		}
		if (in.publishedOn() == null) {
			problems.add(new InvalidInputException.FieldProblem("publishedOn", "请填写原发布日期"));
		}
		else if (in.publishedOn().isAfter(today) || in.publishedOn().getYear() < in.year()) {
			problems.add(new InvalidInputException.FieldProblem("publishedOn", "原发布日期应在报告年度之后、今天之前"));
		}
		if (in.sourceUrl() != null && in.sourceUrl().length() > 500) {
			problems.add(new InvalidInputException.FieldProblem("sourceUrl", "原文地址不能超过500个字符"));
		}
		ReportCells cells = in.cells() == null ? ReportCells.empty() : in.cells();
		if (in.format() != null) {
			ReportLayout.Tables tables = ReportLayout.of(in.format());
			for (String key : cells.values().keySet()) {
				if (tables.columnOf(key).isEmpty()) {
					problems.add(new InvalidInputException.FieldProblem(key, "“" + key + "”不是" + in.format().label() + "的表格单元格"));
				}
			}
		}
		validateTexts(new ReportTextInput(in.one(), in.five(), in.six(), Map.of()), problems);
		if (problems.isEmpty() && !reports.ofYear(in.agencyId(), in.year()).isEmpty()) {
			throw new DomainException(agency.name() + in.year() + "年度报告已经存在，不能再导入");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		AnnualReports.Stored s = new AnnualReports.Stored(0, in.agencyId(), in.year(), 1, in.format(),
				ReportStatus.PUBLISHED, true, 1, trim(in.one()), trim(in.five()), trim(in.six()),
				new EnumMap<>(ReportSixPart.class), null, trim(in.sourceUrl()), in.publishedOn(), now, actor.username(),
				now, actor.username(), now);
		List<ReportProblem> blocking = ReportChecks.check(queries.view(s, cells))
			.stream()
			.filter(ReportProblem::blocking)
			.toList();
		if (!blocking.isEmpty()) {
			throw refusal(blocking);
		}
		long id = insertOnce(s, agency.name() + in.year() + "年度报告已经存在，不能再导入");
		reports.freezeCells(id, cells);
		record(actor, id, in.agencyId(), "report.imported", "导入历史报告",
				in.format().label() + (in.sourceUrl() == null ? "" : "，原文：" + in.sourceUrl()), null,
				ReportStatus.PUBLISHED.label());
		events.publishEvent(new PublicPagesChanged(in.agencyId()));
		events.publishEvent(new AnnualReportPublished(id, in.agencyId(), in.year(), 1));
		return reports.find(id).orElseThrow().summary();
	}

	/**
	 * The daily reminder sweep: for every active agency whose report for last year is not published, records a
	 * reminder once when 30, 14, 7, 3 and 1 days remain before its deadline and once when it is overdue. Returns the
	 * number of reminders recorded.
	 */
	public int sendReminders() {
		LocalDate today = today();
		int year = today.getYear() - 1;
		int recorded = 0;
		Instant now = clock.instant();
		for (Agency agency : agencies.active()) {
			List<AnnualReports.Stored> versions = reports.ofYear(agency.id(), year);
			if (versions.stream().anyMatch(v -> v.status() == ReportStatus.PUBLISHED)) {
				continue;
			}
			ReportDeadline deadline = queries.deadline(agency.id(), year);
			long daysLeft = ChronoUnit.DAYS.between(today, deadline.dueOn());
			int threshold = threshold(daysLeft);
			if (threshold < 0 || reports.reminded(agency.id(), year, threshold)) {
				continue;
			}
			String message = threshold == 0
					? year + "年度政府信息公开工作年度报告已逾期未公布（应于" + deadline.dueOn() + "前公布，" + deadline.basis() + "）"
					: year + "年度政府信息公开工作年度报告距公布期限还有" + daysLeft + "天（" + deadline.dueOn() + "前，"
							+ deadline.basis() + "）" + (versions.isEmpty() ? "，尚未起草" : "，当前状态：" + versions.get(0).status().label());
			reports.addReminder(agency.id(), year, threshold, deadline.dueOn(), (int) daysLeft, now, message);
			if (!versions.isEmpty()) {
				reports.addEvent(versions.get(0).id(), now, Actor.system().username(), "提醒", message);
			}
			recorded++;
		}
		return recorded;
	}

	/** The reminder bucket of a number of days left: 30, 14, 7, 3 or 1 before, 0 when overdue, -1 for none. */
	static int threshold(long daysLeft) {
		if (daysLeft < 0) {
			return 0;
		}
		int bucket = -1;
		for (int t : REMINDER_DAYS) {
			if (daysLeft <= t) {
				bucket = t;
			}
		}
		return bucket;
	}

	private ReportWork transition(AnnualReports.Stored s, Actor actor, ReportStatus to, String action, String label,
			String note, ReportStatus... from) {
		requireStatus(s, label, from);
		save(s.withStatus(to), actor);
		record(actor, s.id(), s.agencyId(), action, label, note, s.status().label(), to.label());
		return queries.work(reports.find(s.id()).orElseThrow());
	}

	/** Inserts a version; a concurrent insert of the same version is refused with the message (409). */
	private long insertOnce(AnnualReports.Stored s, String message) {
		try {
			return reports.insert(s);
		}
		catch (DuplicateKeyException e) {
			throw new DomainException(message);
		}
	}

	private void save(AnnualReports.Stored s, Actor actor) {
		if (!reports.update(s, actor.username(), clock.instant())) {
			throw new DomainException("报告已被他人修改，请重新打开");
		}
	}

	private AnnualReports.Stored lock(long reportId) {
		Actors.require();
		return reports.lock(reportId).orElseThrow(() -> DomainException.notFound("没有这份年度报告"));
	}

	private static void requireStatus(AnnualReports.Stored s, String action, ReportStatus... allowed) {
		for (ReportStatus a : allowed) {
			if (s.status() == a) {
				return;
			}
		}
		if (s.status() == ReportStatus.PUBLISHED) {
			throw new DomainException("已发布的年度报告不能再修改；如需更正，请创建更正版本");
		}
		throw new DomainException("报告当前状态为“" + s.status().label() + "”，不能" + action);
	}

	private void record(Actor actor, long reportId, long agencyId, String action, String label, String note,
			String before, String after) {
		Instant now = clock.instant();
		reports.addEvent(reportId, now, actor.displayName() == null ? actor.username() : actor.displayName(), label,
				note);
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, action, "AnnualReport", reportId,
				"年度报告：" + label + (note == null ? "" : "（" + abbreviate(note) + "）"), before, after));
	}

	private static InvalidInputException refusal(List<ReportProblem> blocking) {
		return new InvalidInputException(blocking.stream()
			.map(p -> new InvalidInputException.FieldProblem(p.target(), p.message()))
			.toList());
	}

	private static void validateTexts(ReportTextInput in) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		validateTexts(in, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void validateTexts(ReportTextInput in, List<InvalidInputException.FieldProblem> problems) {
		check(problems, "one", "“一、总体情况”", in.one());
		check(problems, "five", "“五、存在的主要问题及改进情况”", in.five());
		check(problems, "six", "“六、其他需要报告的事项”", in.six());
		if (in.sixParts() != null) {
			in.sixParts().forEach((part, text) -> check(problems, "six." + part.name(), part.label(), text));
		}
	}

	private static void check(List<InvalidInputException.FieldProblem> problems, String field, String label, String text) {
		if (text != null && text.length() > MAX_TEXT) {
			problems.add(new InvalidInputException.FieldProblem(field, label + "不能超过" + MAX_TEXT + "字"));
		}
	}

	private static Map<ReportSixPart, String> parts(ReportTextInput in) {
		Map<ReportSixPart, String> p = new EnumMap<>(ReportSixPart.class);
		if (in.sixParts() != null) {
			p.putAll(in.sixParts());
		}
		return p;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static String abbreviate(String s) {
		return s.length() > 80 ? s.substring(0, 80) + "…" : s;
	}
}
