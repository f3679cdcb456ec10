package org.gongkai.oversight;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Rows;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator catalogue ({@code ov_indicator}), kept as data and seeded from oversight-rules.md §1.3–1.4 and the
 * local schemes of §2. A supervisor or system administrator edits thresholds, points, caps and whether an indicator is
 * active; unconfirmed values stay marked 待确认 until someone confirms them.
 */
@Service
public class IndicatorCatalog {

	/** What the console form changes. */
	public record IndicatorChange(BigDecimal threshold, BigDecimal warnThreshold, boolean usesSoon, BigDecimal points,
			BigDecimal cap, String dedupGroup, boolean confirmed, boolean active, int version) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IndicatorCatalog(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Every indicator in order. */
	@Transactional(readOnly = true)
	public List<Indicator> all() {
		return jdbc.sql("SELECT * FROM ov_indicator ORDER BY sort_order, code").query(IndicatorCatalog::map).list();
	}

	@Transactional(readOnly = true)
	public Indicator require(long id) {
		return jdbc.sql("SELECT * FROM ov_indicator WHERE id = ?")
			.param(id)
			.query(IndicatorCatalog::map)
			.optional()
			.orElseThrow(() -> DomainException.notFound("指标不存在"));
	}

	/** Whether the actor may edit the catalogue: a supervisor (any grant) or a system administrator. */
	public static boolean mayEdit(Actor actor) {
		return actor.isSystemAdmin() || actor.grants().stream().anyMatch(g -> g.role() == Role.SUPERVISOR);
	}

	/** Changes an editable indicator; the version read guards against a concurrent edit. */
	@Transactional
	public Indicator change(long id, IndicatorChange c) {
		Actor actor = Actors.require();
		if (!mayEdit(actor)) {
			throw DomainException.forbidden("只有政务公开办（监管）或系统管理员可以修改监测指标");
		}
		Indicator before = require(id);
		if (!before.editable()) {
			throw new DomainException("该指标不可修改");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (c.threshold() == null || c.threshold().signum() < 0) {
			problems.add(new FieldProblem("threshold", "请填写不小于0的门槛值"));
		}
		if (c.warnThreshold() != null && c.warnThreshold().signum() < 0) {
			problems.add(new FieldProblem("warnThreshold", "预警值不能为负数"));
		}
		if (c.warnThreshold() != null && c.threshold() != null && c.warnThreshold().compareTo(c.threshold()) >= 0) {
			problems.add(new FieldProblem("warnThreshold", "预警值应小于否决门槛"));
		}
		if (c.points() == null || c.points().signum() < 0 || c.points().compareTo(BigDecimal.valueOf(100)) > 0) {
			problems.add(new FieldProblem("points", "分值应在0到100之间"));
		}
		if (c.cap() != null && (c.cap().signum() < 0 || c.cap().compareTo(BigDecimal.valueOf(100)) > 0)) {
			problems.add(new FieldProblem("cap", "封顶分值应在0到100之间"));
		}
		String group = c.dedupGroup() == null || c.dedupGroup().isBlank() ? null : c.dedupGroup().trim();
		if (group != null && group.length() > 60) {
			problems.add(new FieldProblem("dedupGroup", "不重复扣分组不超过60个字符"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int n = jdbc.sql("UPDATE ov_indicator SET threshold = ?, warn_threshold = ?, uses_soon = ?, points = ?, cap = ?, "
				+ "dedup_group = ?, confirmed = ?, active = ?, updated_by = ?, updated_at = ?, version = version + 1 "
				+ "WHERE id = ? AND version = ?")
			.params(c.threshold(), c.warnThreshold(), c.usesSoon(), c.points(), c.cap(), group, c.confirmed(),
					c.active(), actor.username(), Rows.ts(clock.instant()), id, c.version())
			.update();
		if (n == 0) {
			throw new DomainException("该指标已被他人修改，请刷新后重试");
		}
		Indicator after = require(id);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), null, "monitoring.indicator.changed", "Indicator",
				before.code(), "修改监测指标：" + before.name(), describe(before), describe(after)));
		return after;
	}

	private static String describe(Indicator i) {
		return "门槛" + MonitoringRules.plain(i.threshold()) + "；预警" + MonitoringRules.plain(i.warnThreshold()) + "；分值"
				+ MonitoringRules.plain(i.points()) + "；封顶" + MonitoringRules.plain(i.cap()) + "；"
				+ (i.confirmed() ? "已确认" : "待确认") + "；" + (i.active() ? "启用" : "停用");
	}

	private static Indicator map(ResultSet rs, int n) throws SQLException {
		return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("category"), rs.getString("name"),
				rs.getString("figure_key"), IndicatorRuleType.valueOf(rs.getString("rule_type")),
				rs.getString("window_text"), rs.getBigDecimal("threshold"), rs.getBigDecimal("warn_threshold"),
				rs.getBoolean("uses_soon"), rs.getBigDecimal("points"), rs.getBigDecimal("cap"),
				rs.getString("dedup_group"), rs.getString("source_text"), rs.getBoolean("confirmed"),
				rs.getBoolean("editable"), rs.getBoolean("active"), rs.getInt("sort_order"), rs.getInt("version"));
	}
}
