package org.gongkai.publication;

import java.time.Clock;
import java.util.regex.Pattern;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-agency publication settings: the index-number pattern, whether OA pushes wait for review on the
 * platform, and how often the on-request catalogue is compiled.
 */
@Service
@Transactional
public class PublicationSettings {

	public enum Period {
		MONTHLY("每月"), QUARTERLY("每季度");

		private final String label;

		Period(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Settings(long agencyId, String indexPattern, boolean intakeRequiresReview, Period onRequestPeriod) {
	}

	private static final Pattern TOKEN = Pattern.compile("\\{(creditCode|code|yyyy|yyyymm|serial5|serial)}");

	private final JdbcClient jdbc;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PublicationSettings(JdbcClient jdbc, AgencyAccess access, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Settings of(long agencyId) {
		return jdbc.sql("SELECT * FROM pub_agency_setting WHERE agency_id = ?")
			.param(agencyId)
			.query((rs, n) -> new Settings(agencyId, rs.getString("index_pattern"), rs.getBoolean("intake_requires_review"),
					Period.valueOf(rs.getString("on_request_period"))))
			.optional()
			.orElse(new Settings(agencyId, PublicationRules.DEFAULT_INDEX_PATTERN, false, Period.MONTHLY));
	}

	public Settings save(long agencyId, String indexPattern, boolean intakeRequiresReview, Period period) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		String pattern = indexPattern == null ? "" : indexPattern.trim();
		if (!pattern.contains("{serial5}") && !pattern.contains("{serial}")) {
			throw InvalidInputException.of("indexPattern", "索引号规则必须包含流水号 {serial5} 或 {serial}，以保证唯一");
		}
		if (!pattern.contains("{yyyy}") && !pattern.contains("{yyyymm}")) {
			throw InvalidInputException.of("indexPattern", "流水号按年重新编号，索引号规则必须包含年份 {yyyy} 或 {yyyymm}");
		}
		if (!pattern.contains("{creditCode}") && !pattern.contains("{code}")) {
			throw InvalidInputException.of("indexPattern", "索引号规则必须包含单位标识 {creditCode} 或 {code}，以免与其他单位重复");
		}
		String leftover = TOKEN.matcher(pattern).replaceAll("");
		if (leftover.contains("{") || leftover.contains("}") || pattern.length() > 100) {
			throw InvalidInputException.of("indexPattern",
					"索引号规则只能使用 {creditCode}、{code}、{yyyy}、{yyyymm}、{serial5}、{serial} 和普通字符");
		}
		if (period == null) {
			throw InvalidInputException.of("onRequestPeriod", "请选择依申请公开目录的编制周期");
		}
		Settings before = of(agencyId);
		jdbc.sql("DELETE FROM pub_agency_setting WHERE agency_id = ?").param(agencyId).update();
		jdbc.sql("INSERT INTO pub_agency_setting (agency_id, index_pattern, intake_requires_review, on_request_period) "
				+ "VALUES (?,?,?,?)")
			.params(agencyId, pattern, intakeRequiresReview, period.name())
			.update();
		Settings after = of(agencyId);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "publication.settings-changed",
				"PublicationSettings", agencyId, "修改信息发布设置", before.toString(), after.toString()));
		return after;
	}
}
