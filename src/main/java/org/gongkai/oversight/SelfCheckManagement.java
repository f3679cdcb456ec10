package org.gongkai.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.CountedRecord;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Rows;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly self-checks (每月自查): the checklist kept as data by the supervisor, a unit's self-check of a month opened
 * with the automatic figures of its items filled in from the records ({@link MonitoringFigures}), answered item by
 * item (符合/不符合/不适用 with a note) and reported by the due day ({@link SelfCheckRules}); the supervisor's
 * overview of every unit of a month, late or missing reports flagged.
 */
@Service
@Transactional
public class SelfCheckManagement {

	/** Who fills a unit's self-check. */
	static final Role[] UNIT_STAFF = { Role.AGENCY_ADMIN, Role.EDITOR };

	private final JdbcClient jdbc;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final MonitoringFigures figures;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int dueDay;

	SelfCheckManagement(JdbcClient jdbc, AgencyAccess access, AgencyDirectory agencies, MonitoringFigures figures,
			ApplicationEventPublisher events, Clock clock,
			@Value("${gongkai.oversight.self-check-day:" + SelfCheckRules.DEFAULT_DAY + "}") int dueDay) {
		this.jdbc = jdbc;
		this.access = access;
		this.agencies = agencies;
		this.figures = figures;
		this.events = events;
		this.clock = clock;
		this.dueDay = dueDay;
	}

	/** The day of the month self-checks are due. */
	public int dueDay() {
		return dueDay;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	// ---- the checklist ------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<SelfCheckItem> items(boolean activeOnly) {
		return jdbc.sql("SELECT * FROM ov_selfcheck_item" + (activeOnly ? " WHERE active = TRUE" : "")
				+ " ORDER BY sort_order, id").query(SelfCheckManagement::item).list();
	}

	/** Whether the actor may edit the checklist: a supervisor (of any unit) or the system administrator. */
	public boolean canEditChecklist(Actor actor) {
		return actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR);
	}

	/** Adds an item to the checklist (id null) or changes one; new self-checks copy the active items. */
	public SelfCheckItem saveItem(Long id, String label, String guidance, String figureKey, Integer sortOrder, boolean active) {
		Actor actor = Actors.require();
		if (!canEditChecklist(actor)) {
			throw DomainException.forbidden("只有政务公开办可以修改自查项目");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String l = Texts.trimToNull(label);
		if (l == null || l.length() > 200) {
			problems.add(new FieldProblem("label", "请填写自查项目（200字以内）"));
		}
		String g = Texts.trimToNull(guidance);
		if (g != null && g.length() > 1000) {
			problems.add(new FieldProblem("guidance", "检查要点请在1000字以内"));
		}
		String key = Texts.trimToNull(figureKey);
		if (key != null && figures.definitions().stream().noneMatch(d -> d.key().equals(key))) {
			problems.add(new FieldProblem("figureKey", "没有这项自动监测数据：" + key));
		}
		if (sortOrder == null) {
			problems.add(new FieldProblem("sortOrder", "请填写排序（整数）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		long itemId;
		if (id == null) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO ov_selfcheck_item (label, guidance, figure_key, sort_order, active, updated_by, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(l, g, key, sortOrder, active, actor.username(), Rows.ts(now))
				.update(keys, "id");
			itemId = keys.getKey().longValue();
		}
		else {
			int n = jdbc.sql("UPDATE ov_selfcheck_item SET label = ?, guidance = ?, figure_key = ?, sort_order = ?, active = ?, "
					+ "updated_by = ?, updated_at = ? WHERE id = ?")
				.params(l, g, key, sortOrder, active, actor.username(), Rows.ts(now), id)
				.update();
			if (n != 1) {
				throw DomainException.notFound("自查项目不存在");
			}
			itemId = id;
		}
		events.publishEvent(ChangeRecorded.of(actor, now, null, "selfcheck.item-saved", "SelfCheckItem", itemId,
				"自查项目：" + l, null, active ? "启用" : "停用"));
		return jdbc.sql("SELECT * FROM ov_selfcheck_item WHERE id = ?").param(itemId).query(SelfCheckManagement::item).single();
	}

	// ---- a unit's self-check ------------------------------------------------------------------------------

	/**
	 * The unit's self-check of the month, opened now if there is none: a copy of the active checklist with each
	 * item's automatic figure computed for the month's last day (today while the month runs).
	 */
	public SelfCheck open(long agencyId, YearMonth month) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.EDITOR, Role.SUPERVISOR);
		Optional<SelfCheck> existing = find(agencyId, month);
		if (existing.isPresent()) {
			return existing.get();
		}
		LocalDate today = today();
		if (month.isAfter(YearMonth.from(today))) {
			throw InvalidInputException.of("month", "不能为今后的月份开展自查");
		}
		LocalDate on = figuresDay(month, today);
		Instant now = clock.instant();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO ov_selfcheck (agency_id, report_year, report_month, due_on, status, figures_on, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(agencyId, month.getYear(), month.getMonthValue(), SelfCheckRules.dueOn(month, dueDay),
					SelfCheckStatus.DRAFT.name(), on, actor.username(), Rows.ts(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Map<String, OversightFigure> values = figures.compute(agencyId, on);
		for (SelfCheckItem item : items(true)) {
			OversightFigure f = item.figureKey() == null ? null : values.get(item.figureKey());
			jdbc.sql("INSERT INTO ov_selfcheck_answer (selfcheck_id, item_id, label, guidance, figure_key, figure_value, "
					+ "figure_soon, figure_records, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id, item.id(), item.label(), item.guidance(), item.figureKey(), f == null ? null : f.value(),
						f == null ? null : f.soon(), f == null ? null : encode(f.records()), item.sortOrder())
				.update();
		}
		SelfCheck check = require(id);
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "selfcheck.opened", "SelfCheck", id,
				agencies.requireById(agencyId).name() + check.period() + "自查", null, SelfCheckStatus.DRAFT.label()));
		return check;
	}

	/** Computes the automatic figures again (a self-check being filled in); the answers stay. */
	public SelfCheck refresh(long id) {
		SelfCheck check = require(id);
		access.require(check.agencyId(), UNIT_STAFF);
		requireDraft(check);
		LocalDate on = figuresDay(YearMonth.of(check.year(), check.month()), today());
		Map<String, OversightFigure> values = figures.compute(check.agencyId(), on);
		for (SelfCheckAnswer a : answers(id)) {
			OversightFigure f = a.figureKey() == null ? null : values.get(a.figureKey());
			jdbc.sql("UPDATE ov_selfcheck_answer SET figure_value = ?, figure_soon = ?, figure_records = ? WHERE id = ?")
				.params(f == null ? null : f.value(), f == null ? null : f.soon(), f == null ? null : encode(f.records()), a.id())
				.update();
		}
		jdbc.sql("UPDATE ov_selfcheck SET figures_on = ? WHERE id = ?").params(on, id).update();
		return require(id);
	}

	/** One answer given for a line. */
	public record Answer(String answer, String note) {
	}

	/** Saves the unit's answers (by answer id) and the summary; a 不符合 needs a note of what is wrong and what is done. */
	public SelfCheck answer(long id, Map<Long, Answer> given, String summary) {
		SelfCheck check = require(id);
		Actor actor = access.require(check.agencyId(), UNIT_STAFF);
		requireDraft(check);
		List<FieldProblem> problems = new ArrayList<>();
		List<SelfCheckAnswer> lines = answers(id);
		Map<Long, Answer> cleaned = new java.util.HashMap<>();
		for (SelfCheckAnswer line : lines) {
			Answer a = given.get(line.id());
			if (a == null) {
				continue;
			}
			String field = "answer-" + line.id();
			SelfCheckAnswerKind kind = null;
			if (Texts.trimToNull(a.answer()) != null) {
				try {
					kind = SelfCheckAnswerKind.valueOf(a.answer().trim());
				}
				catch (IllegalArgumentException e) {
					problems.add(new FieldProblem(field, "“" + line.label() + "”的检查结果无效"));
				}
			}
			String note = Texts.trimToNull(a.note());
			if (note != null && note.length() > 1000) {
				problems.add(new FieldProblem("note-" + line.id(), "“" + line.label() + "”的说明请在1000字以内"));
			}
			if (kind == SelfCheckAnswerKind.NON_COMPLIANT && note == null) {
				problems.add(new FieldProblem("note-" + line.id(), "“" + line.label() + "”不符合：请说明存在的问题和整改措施"));
			}
			cleaned.put(line.id(), new Answer(kind == null ? null : kind.name(), note));
		}
		String s = Texts.trimToNull(summary);
		if (s != null && s.length() > 2000) {
			problems.add(new FieldProblem("summary", "自查总体情况请在2000字以内"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		for (SelfCheckAnswer line : lines) {
			Answer a = cleaned.get(line.id());
			if (a != null) {
				jdbc.sql("UPDATE ov_selfcheck_answer SET answer = ?, note = ? WHERE id = ?")
					.params(a.answer(), a.note(), line.id())
					.update();
			}
		}
		jdbc.sql("UPDATE ov_selfcheck SET summary = ? WHERE id = ?").params(s, id).update();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), check.agencyId(), "selfcheck.answered", "SelfCheck", id,
				check.period() + "自查填报", null, null));
		return require(id);
	}

	/** Reports the self-check to the supervisor: every item answered. Late when after the due day. */
	public SelfCheck submit(long id) {
		SelfCheck check = require(id);
		Actor actor = access.require(check.agencyId(), UNIT_STAFF);
		requireDraft(check);
		List<FieldProblem> problems = answers(id).stream()
			.filter(a -> a.answer() == null)
			.map(a -> new FieldProblem("answer-" + a.id(), "请填写“" + a.label() + "”的检查结果"))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		LocalDate today = today();
		jdbc.sql("UPDATE ov_selfcheck SET status = ?, submitted_by = ?, submitted_at = ?, submitted_on = ? WHERE id = ?")
			.params(SelfCheckStatus.SUBMITTED.name(), actor.username(), Rows.ts(now), today, id)
			.update();
		SelfCheck after = require(id);
		events.publishEvent(ChangeRecorded.of(actor, now, check.agencyId(), "selfcheck.submitted", "SelfCheck", id,
				check.period() + "自查报送" + (after.late(today) ? "（逾期）" : ""), SelfCheckStatus.DRAFT.label(),
				SelfCheckStatus.SUBMITTED.label()));
		return after;
	}

	// ---- reading ------------------------------------------------------------------------------------------

	/** A self-check, for staff of its unit and supervisors. */
	@Transactional(readOnly = true)
	public SelfCheck view(long id) {
		SelfCheck check = require(id);
		access.require(check.agencyId(), Role.values());
		return check;
	}

	@Transactional(readOnly = true)
	public List<SelfCheckAnswer> answers(long selfCheckId) {
		return jdbc.sql("SELECT * FROM ov_selfcheck_answer WHERE selfcheck_id = ? ORDER BY sort_order, id")
			.param(selfCheckId)
			.query(SelfCheckManagement::answer)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<SelfCheck> find(long agencyId, YearMonth month) {
		return jdbc.sql("SELECT * FROM ov_selfcheck WHERE agency_id = ? AND report_year = ? AND report_month = ?")
			.params(agencyId, month.getYear(), month.getMonthValue())
			.query(SelfCheckManagement::check)
			.optional();
	}

	/** A unit's self-checks, newest first. */
	@Transactional(readOnly = true)
	public List<SelfCheck> history(long agencyId) {
		access.require(agencyId, Role.values());
		return jdbc.sql("SELECT * FROM ov_selfcheck WHERE agency_id = ? ORDER BY report_year DESC, report_month DESC")
			.param(agencyId)
			.query(SelfCheckManagement::check)
			.list();
	}

	/**
	 * One unit's line of the supervisor's overview of a month.
	 *
	 * @param check null when the unit has not opened its self-check
	 * @param nonCompliant the items answered 不符合
	 */
	public record OverviewRow(Agency agency, SelfCheck check, long nonCompliant, boolean late) {

		public String statusLabel() {
			return check == null ? "未开展" : check.status().label();
		}
	}

	/** Every unit the actor supervises, with its self-check of the month; late or missing reports flagged. */
	@Transactional(readOnly = true)
	public List<OverviewRow> overview(Actor actor, YearMonth month) {
		LocalDate today = today();
		LocalDate due = SelfCheckRules.dueOn(month, dueDay);
		List<OverviewRow> rows = new ArrayList<>();
		for (Agency a : access.agenciesFor(actor, Role.SUPERVISOR)) {
			if (!a.active()) {
				continue;
			}
			SelfCheck c = find(a.id(), month).orElse(null);
			long bad = c == null ? 0 : answers(c.id()).stream().filter(x -> x.answer() == SelfCheckAnswerKind.NON_COMPLIANT).count();
			boolean late = c == null ? today.isAfter(due) : c.late(today);
			rows.add(new OverviewRow(a, c, bad, late));
		}
		return rows;
	}

	/** Units of the actor (staff) whose self-check of the month is not yet reported. */
	@Transactional(readOnly = true)
	public List<Agency> unreported(Actor actor, YearMonth month) {
		return access.agenciesFor(actor, UNIT_STAFF).stream()
			.filter(Agency::active)
			.filter(a -> find(a.id(), month).map(c -> c.status() != SelfCheckStatus.SUBMITTED).orElse(true))
			.toList();
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private SelfCheck require(long id) {
		return jdbc.sql("SELECT * FROM ov_selfcheck WHERE id = ?")
			.param(id)
			.query(SelfCheckManagement::check)
			.optional()
			.orElseThrow(() -> DomainException.notFound("自查记录不存在"));
	}

	private static void requireDraft(SelfCheck check) {
		if (check.status() != SelfCheckStatus.DRAFT) {
			throw new DomainException("该月自查已报送，不能再修改");
		}
	}

	private static LocalDate figuresDay(YearMonth month, LocalDate today) {
		LocalDate end = month.atEndOfMonth();
		return end.isAfter(today) ? today : end;
	}

	static String encode(List<CountedRecord> records) {
		return records.stream()
			.map(r -> String.join("\t", clean(r.reference()), clean(r.title()), r.date() == null ? "" : r.date().toString(),
					clean(r.consoleUrl())))
			.collect(Collectors.joining("\n"));
	}

	static List<CountedRecord> decode(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<CountedRecord> out = new ArrayList<>();
		for (String line : text.split("\n")) {
			String[] p = line.split("\t", -1);
			if (p.length == 4) {
				out.add(new CountedRecord(p[0].isEmpty() ? null : p[0], p[1], p[2].isEmpty() ? null : LocalDate.parse(p[2]),
						p[3].isEmpty() ? null : p[3]));
			}
		}
		return out;
	}

	private static String clean(String s) {
		return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
	}

	private static SelfCheckItem item(ResultSet rs, int n) throws SQLException {
		return new SelfCheckItem(rs.getLong("id"), rs.getString("label"), rs.getString("guidance"), rs.getString("figure_key"),
				rs.getInt("sort_order"), rs.getBoolean("active"));
	}

	private static SelfCheck check(ResultSet rs, int n) throws SQLException {
		return new SelfCheck(rs.getLong("id"), rs.getLong("agency_id"), rs.getInt("report_year"), rs.getInt("report_month"),
				Rows.date(rs, "due_on"), SelfCheckStatus.valueOf(rs.getString("status")), Rows.date(rs, "figures_on"),
				rs.getString("summary"), rs.getString("submitted_by"), Rows.instant(rs, "submitted_at"),
				Rows.date(rs, "submitted_on"), rs.getString("created_by"));
	}

	private static SelfCheckAnswer answer(ResultSet rs, int n) throws SQLException {
		String answer = rs.getString("answer");
		long value = rs.getLong("figure_value");
		Long v = rs.wasNull() ? null : value;
		long soon = rs.getLong("figure_soon");
		Long s = rs.wasNull() ? null : soon;
		return new SelfCheckAnswer(rs.getLong("id"), rs.getLong("selfcheck_id"), rs.getString("label"), rs.getString("guidance"),
				rs.getString("figure_key"), v, s, decode(rs.getString("figure_records")),
				answer == null ? null : SelfCheckAnswerKind.valueOf(answer), rs.getString("note"), rs.getInt("sort_order"));
	}
}
