package org.gongkai.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.gongkai.platform.Rows;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.gongkai.publication.DocumentLedger;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulletins (通报) of the supervisor, generated from an inspection round or a period and edited before they are issued
 * (洪雅县 督查通报, oversight-rules §3.3: 一、总体情况 with the items published, empty columns and the units that
 * published most; 二、存在问题; 三、下一步工作要求). An issued bulletin never changes; one marked public is shown on
 * the portal, a draft or a staff-only one never.
 */
@Service
@Transactional
public class BulletinManagement {

	/** Figure keys of the automatic inspection the overall part reads when a source computes them. */
	static final String EMPTY = "columns.empty";

	static final String STALE = "columns.windowStale";

	static final String UNANSWERED = "messages.unanswered3m";

	private final JdbcClient jdbc;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final MonitoringFigures figures;

	private final OversightInspectionManagement inspections;

	private final SelfCheckManagement selfChecks;

	private final DocumentLedger ledger;

	private final MonitoringScores scores;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BulletinManagement(JdbcClient jdbc, AgencyAccess access, AgencyDirectory agencies, MonitoringFigures figures,
			OversightInspectionManagement inspections, SelfCheckManagement selfChecks, DocumentLedger ledger,
			MonitoringScores scores, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.agencies = agencies;
		this.figures = figures;
		this.inspections = inspections;
		this.selfChecks = selfChecks;
		this.ledger = ledger;
		this.scores = scores;
		this.events = events;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	// ---- generating ---------------------------------------------------------------------------------------

	/**
	 * A draft bulletin of an inspection round (its units; the quarter unless a period is given) or, without a round,
	 * of every active unit of the agency's subtree over the period.
	 */
	public Bulletin generate(long agencyId, Long inspectionId, LocalDate from, LocalDate to) {
		Actor actor = access.require(agencyId, Role.SUPERVISOR);
		OversightInspection round = null;
		if (inspectionId != null) {
			round = inspections.require(inspectionId);
			if (!access.allows(actor, round.agencyId(), Role.SUPERVISOR)) {
				throw DomainException.forbidden("您没有该督查的权限");
			}
			if (from == null && to == null) {
				from = LocalDate.of(round.year(), round.quarter() * 3 - 2, 1);
				to = YearMonth.of(round.year(), round.quarter() * 3).atEndOfMonth();
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (from == null) {
			problems.add(new FieldProblem("periodFrom", "请填写通报期间的起始日期"));
		}
		if (to == null) {
			problems.add(new FieldProblem("periodTo", "请填写通报期间的截止日期"));
		}
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(new FieldProblem("periodTo", "截止日期不能早于起始日期"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate today = today();
		LocalDate figuresOn = to.isAfter(today) ? today : to;
		List<Agency> units = round != null ? inspections.units(round)
				: agencies.active().stream().filter(a -> a.isWithin(agencyId)).toList();
		String period = from + "至" + to;
		String title = "关于" + (round != null ? round.period() : from.getYear() + "年" + from.getMonthValue() + "月至"
				+ (to.getYear() != from.getYear() ? to.getYear() + "年" : "") + to.getMonthValue() + "月") + "政务公开工作督查情况的通报";
		Map<Long, Map<String, OversightFigure>> unitFigures = new LinkedHashMap<>();
		units.forEach(a -> unitFigures.put(a.id(), figures.compute(a.id(), figuresOn)));
		String overall = overall(units, round, from, to, figuresOn, unitFigures);
		String found = problemsText(units, round, from, to, unitFigures);
		String requirements = requirementsText();
		Instant now = clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_bulletin (agency_id, inspection_id, title, period_from, period_to, overall, problems, requirements, "
				+ "public_bulletin, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, 'DRAFT', ?, ?, ?)")
			.params(agencyId, inspectionId, title, from, to, overall, found, requirements, actor.username(), Rows.ts(now), Rows.ts(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "bulletin.generated", "Bulletin", id, title + "（" + period + "）",
				null, BulletinStatus.DRAFT.label()));
		return require(id);
	}

	private String overall(List<Agency> units, OversightInspection round, LocalDate from, LocalDate to, LocalDate figuresOn,
			Map<Long, Map<String, OversightFigure>> unitFigures) {
		List<String> lines = new ArrayList<>();
		Map<Agency, Long> published = new LinkedHashMap<>();
		long total = 0;
		for (Agency a : units) {
			long n = ledger.publishedBetween(a.id(), from, to);
			published.put(a, n);
			total += n;
		}
		lines.add(from + "至" + to + "，" + units.size() + "个单位共主动公开政府信息" + total + "条。");
		List<Map.Entry<Agency, Long>> most = published.entrySet().stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<Agency, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().sortOrder()))
			.limit(3)
			.toList();
		if (!most.isEmpty()) {
			lines.add("发布信息较多的单位：" + String.join("、", most.stream().map(e -> e.getKey().name() + "（" + e.getValue() + "条）").toList()) + "。");
		}
		Map<String, Long> sums = new LinkedHashMap<>();
		Map<String, Long> unitsWith = new LinkedHashMap<>();
		boolean known = figures.definitions().stream().anyMatch(d -> d.key().equals(EMPTY) || d.key().equals(STALE));
		for (Agency a : units) {
			Map<String, OversightFigure> f = unitFigures.get(a.id());
			for (String key : List.of(EMPTY, STALE, UNANSWERED, OversightFindingFigures.OVERDUE)) {
				OversightFigure x = f.get(key);
				if (x != null) {
					sums.merge(key, x.value(), Long::sum);
					unitsWith.merge(key, x.value() > 0 ? 1L : 0L, Long::sum);
				}
			}
		}
		if (known) {
			if (sums.containsKey(EMPTY)) {
				lines.add(sums.get(EMPTY) == 0 ? "截至" + figuresOn + "，全部单位未出现空白栏目。"
						: "截至" + figuresOn + "，" + unitsWith.get(EMPTY) + "个单位存在空白栏目共" + sums.get(EMPTY) + "个。");
			}
			if (sums.containsKey(STALE)) {
				lines.add(sums.get(STALE) == 0 ? "各单位动态要闻、通知公告类栏目均按时更新。"
						: unitsWith.get(STALE) + "个单位有" + sums.get(STALE) + "个栏目未按时更新。");
			}
			if (sums.containsKey(UNANSWERED) && sums.get(UNANSWERED) > 0) {
				lines.add(unitsWith.get(UNANSWERED) + "个单位有" + sums.get(UNANSWERED) + "条有效留言超过3个月未回应。");
			}
			// the automatic inspection's score of each unit (国办秘函〔2019〕19号 scoring, MonitoringRules)
			List<String> scored = new ArrayList<>();
			for (Agency a : units) {
				MonitoringScore s = scores.scoreOf(a.id(), figuresOn, unitFigures.get(a.id()));
				scored.add(a.name() + MonitoringRules.plain(s.score()) + "分（" + s.verdict() + "）");
			}
			if (!scored.isEmpty()) {
				lines.add("自动监测得分：" + String.join("、", scored) + "。");
			}
		}
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)) && months.size() < 12; m = m.plusMonths(1)) {
			months.add(m);
		}
		LocalDate today = today();
		for (YearMonth m : months) {
			if (m.isAfter(YearMonth.from(today))) {
				break;
			}
			int onTime = 0;
			int late = 0;
			int missing = 0;
			for (Agency a : units) {
				Optional<SelfCheck> c = selfChecks.find(a.id(), m).filter(x -> x.status() == SelfCheckStatus.SUBMITTED);
				if (c.isEmpty()) {
					missing++;
				}
				else if (c.get().late(today)) {
					late++;
				}
				else {
					onTime++;
				}
			}
			lines.add(m.getYear() + "年" + m.getMonthValue() + "月自查：" + units.size() + "个单位中按期报送" + onTime + "个、逾期报送" + late
					+ "个、未报送" + missing + "个。");
		}
		if (round != null) {
			List<OversightFinding> all = inspections.findings(round.id(), null);
			long closed = all.stream().filter(f -> f.status() == OversightFindingStatus.PASSED).count();
			lines.add(round.inspectedOn() + "，对" + units.size() + "个单位开展" + round.period() + "政务公开督查，发现问题" + all.size()
					+ "个，已整改销号" + closed + "个。");
		}
		return String.join("\n", lines);
	}

	private String problemsText(List<Agency> units, OversightInspection round, LocalDate from, LocalDate to,
			Map<Long, Map<String, OversightFigure>> unitFigures) {
		List<String> lines = new ArrayList<>();
		List<OversightFinding> found = round != null ? inspections.findings(round.id(), null)
				: inspections.foundBetween(units.stream().map(Agency::id).toList(), from, to);
		String[] numerals = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
		int u = 0;
		LocalDate today = today();
		for (Agency a : units.stream().sorted(Comparator.comparingInt(Agency::sortOrder)).toList()) {
			List<String> mine = new ArrayList<>();
			for (OversightFinding f : found) {
				if (f.agencyId() == a.id()) {
					mine.add(f.problem() + "（整改期限：" + f.dueOn() + "，" + (f.overdue(today) ? "已逾期" : f.status().label()) + "）");
				}
			}
			Map<String, OversightFigure> fig = unitFigures.get(a.id());
			OversightFigure empty = fig.get(EMPTY);
			if (empty != null && empty.value() > 0) {
				mine.add("存在空白栏目" + empty.value() + "个");
			}
			OversightFigure stale = fig.get(STALE);
			if (stale != null && stale.value() > 0) {
				mine.add(stale.value() + "个栏目未按时更新");
			}
			if (mine.isEmpty()) {
				continue;
			}
			String label = u < numerals.length ? numerals[u] : String.valueOf(u + 1);
			lines.add("（" + label + "）" + a.name() + "：");
			for (int i = 0; i < mine.size(); i++) {
				lines.add((i + 1) + ". " + mine.get(i) + "。");
			}
			u++;
		}
		if (lines.isEmpty()) {
			lines.add("本期检查未发现突出问题。");
		}
		return String.join("\n", lines);
	}

	private String requirementsText() {
		return String.join("\n", "（一）逐条整改、销号管理。各单位要对照本通报指出的问题，在整改期限（" + inspections.rectificationDays()
				+ "个工作日）内整改到位，并将整改情况报送政务公开办，逾期未整改的予以通报。",
				"（二）严格落实每月自查制度。各单位于每月" + selfChecks.dueDay() + "日前完成自查并报送自查情况，对存在的问题自行整改。",
				"（三）加强栏目日常维护。动态要闻类栏目2周内更新，通知公告、政策文件类栏目6个月内更新，杜绝空白栏目和长期不更新栏目。",
				"（四）政务公开办将不定期开展检查，检查和整改情况纳入年度政务公开工作考核。");
	}

	// ---- editing and issuing ------------------------------------------------------------------------------

	/** Edits a draft: title, 文号, the three parts and whether it will be public. */
	public Bulletin update(long id, String title, String documentNumber, String overall, String problems,
			String requirements, boolean publicBulletin) {
		Bulletin b = require(id);
		Actor actor = access.require(b.agencyId(), Role.SUPERVISOR);
		requireDraft(b);
		List<FieldProblem> errors = new ArrayList<>();
		String t = Texts.trimToNull(title);
		if (t == null || t.length() > 300) {
			errors.add(new FieldProblem("title", "请填写通报标题（300字以内）"));
		}
		String number = Texts.trimToNull(documentNumber);
		if (number != null && number.length() > 100) {
			errors.add(new FieldProblem("documentNumber", "文号请在100字以内"));
		}
		for (String[] part : new String[][] { { "overall", overall, "总体情况" }, { "problems", problems, "存在问题" },
				{ "requirements", requirements, "下一步工作要求" } }) {
			String text = Texts.trimToNull(part[1]);
			if (text == null) {
				errors.add(new FieldProblem(part[0], "请填写“" + part[2] + "”"));
			}
			else if (text.length() > 20000) {
				errors.add(new FieldProblem(part[0], "“" + part[2] + "”请在20000字以内"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		int n = jdbc.sql("UPDATE ov_bulletin SET title = ?, document_number = ?, overall = ?, problems = ?, requirements = ?, "
				+ "public_bulletin = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'DRAFT'")
			.params(t, number, overall.strip(), problems.strip(), requirements.strip(), publicBulletin, Rows.ts(clock.instant()), id)
			.update();
		if (n != 1) {
			throw new DomainException("通报已印发，不能再修改");
		}
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), b.agencyId(), "bulletin.updated", "Bulletin", id, t,
				null, publicBulletin ? "印发后公开" : "不公开"));
		return require(id);
	}

	/** Issues a draft: it no longer changes; a public one appears on the portal. */
	public Bulletin issue(long id) {
		Bulletin b = require(id);
		Actor actor = access.require(b.agencyId(), Role.SUPERVISOR);
		requireDraft(b);
		int n = jdbc.sql("UPDATE ov_bulletin SET status = 'ISSUED', issued_on = ?, issued_by = ?, updated_at = ?, "
				+ "version = version + 1 WHERE id = ? AND status = 'DRAFT'")
			.params(today(), actor.username(), Rows.ts(clock.instant()), id)
			.update();
		if (n != 1) {
			throw new DomainException("通报已印发");
		}
		Bulletin after = require(id);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), b.agencyId(), "bulletin.issued", "Bulletin", id, b.title(),
				BulletinStatus.DRAFT.label(), BulletinStatus.ISSUED.label() + (after.publicBulletin() ? "（公开）" : "")));
		if (after.publicBulletin()) {
			events.publishEvent(new PublicPagesChanged(b.agencyId()));
		}
		return after;
	}

	/** Deletes a draft nobody needs. */
	public void discard(long id) {
		Bulletin b = require(id);
		Actor actor = access.require(b.agencyId(), Role.SUPERVISOR);
		requireDraft(b);
		jdbc.sql("DELETE FROM ov_bulletin WHERE id = ? AND status = 'DRAFT'").param(id).update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), b.agencyId(), "bulletin.discarded", "Bulletin", id, b.title(),
				BulletinStatus.DRAFT.label(), null));
	}

	// ---- reading ------------------------------------------------------------------------------------------

	/** A bulletin for staff: supervisors of its agency see drafts; any staff of the subtree sees issued ones. */
	@Transactional(readOnly = true)
	public Bulletin view(long id) {
		Bulletin b = require(id);
		Actor actor = Actors.require();
		if (!canSee(actor, b)) {
			throw DomainException.forbidden("您没有查看该通报的权限");
		}
		return b;
	}

	/** Bulletins the actor may see, newest first. */
	@Transactional(readOnly = true)
	public List<Bulletin> list(Actor actor) {
		return jdbc.sql("SELECT * FROM ov_bulletin ORDER BY period_to DESC, id DESC")
			.query(BulletinManagement::bulletin)
			.list()
			.stream()
			.filter(b -> canSee(actor, b))
			.toList();
	}

	public boolean canEdit(Actor actor, Bulletin b) {
		return b.status() == BulletinStatus.DRAFT && access.allows(actor, b.agencyId(), Role.SUPERVISOR);
	}

	private boolean canSee(Actor actor, Bulletin b) {
		if (access.allows(actor, b.agencyId(), Role.SUPERVISOR)) {
			return true;
		}
		return b.status() == BulletinStatus.ISSUED
				&& access.visibleAgencies(actor).stream().anyMatch(a -> a.id() == b.agencyId() || a.isWithin(b.agencyId()));
	}

	/** Issued public bulletins, newest first: what the portal shows. */
	@Transactional(readOnly = true)
	public List<Bulletin> publicBulletins() {
		return jdbc.sql("SELECT * FROM ov_bulletin WHERE status = 'ISSUED' AND public_bulletin = TRUE ORDER BY issued_on DESC, id DESC")
			.query(BulletinManagement::bulletin)
			.list();
	}

	/** One issued public bulletin; empty for a draft or a staff-only one. */
	@Transactional(readOnly = true)
	public Optional<Bulletin> publicBulletin(long id) {
		return jdbc.sql("SELECT * FROM ov_bulletin WHERE id = ? AND status = 'ISSUED' AND public_bulletin = TRUE")
			.param(id)
			.query(BulletinManagement::bulletin)
			.optional();
	}

	private Bulletin require(long id) {
		return jdbc.sql("SELECT * FROM ov_bulletin WHERE id = ?")
			.param(id)
			.query(BulletinManagement::bulletin)
			.optional()
			.orElseThrow(() -> DomainException.notFound("通报不存在"));
	}

	private static void requireDraft(Bulletin b) {
		if (b.status() != BulletinStatus.DRAFT) {
			throw new DomainException("通报已印发，不能再修改");
		}
	}

	private static Bulletin bulletin(ResultSet rs, int n) throws SQLException {
		long inspection = rs.getLong("inspection_id");
		Long inspectionId = rs.wasNull() ? null : inspection;
		return new Bulletin(rs.getLong("id"), rs.getLong("agency_id"), inspectionId, rs.getString("title"),
				rs.getString("document_number"), Rows.date(rs, "period_from"), Rows.date(rs, "period_to"), rs.getString("overall"),
				rs.getString("problems"), rs.getString("requirements"), rs.getBoolean("public_bulletin"),
				BulletinStatus.valueOf(rs.getString("status")), Rows.date(rs, "issued_on"), rs.getString("issued_by"),
				rs.getString("created_by"), rs.getInt("version"));
	}
}
