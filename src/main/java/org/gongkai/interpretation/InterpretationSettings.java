package org.gongkai.interpretation;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each agency's interpretation policy: its deadline, whether a reason may replace the material, its yearly target. */
@Service
@Transactional
public class InterpretationSettings {

	/**
	 * @param deadlineDays working days after the policy's publication (0 = the same day; at most the national 3)
	 * @param waiverAllowed the approving leader may record why a policy needs no interpretation instead of the material
	 * @param principalLeaderTarget interpretations by the principal leader a year (seed 003: at least 2)
	 */
	public record Setting(int deadlineDays, boolean waiverAllowed, int principalLeaderTarget) {

		public static final Setting DEFAULT = new Setting(InterpretationRules.DEADLINE_WORKING_DAYS, true,
				InterpretationRules.PRINCIPAL_LEADER_TARGET);
	}

	private final Dossiers dossiers;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	InterpretationSettings(Dossiers dossiers, AgencyAccess access, ApplicationEventPublisher events, java.time.Clock clock) {
		this.dossiers = dossiers;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Setting of(long agencyId) {
		return dossiers.setting(agencyId).orElse(Setting.DEFAULT);
	}

	public Setting change(long agencyId, Setting setting) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN);
		if (setting.deadlineDays() < 0 || setting.deadlineDays() > InterpretationRules.MAX_DEADLINE_WORKING_DAYS) {
			throw InvalidInputException.of("deadlineDays", "解读发布时限应为0至" + InterpretationRules.MAX_DEADLINE_WORKING_DAYS
					+ "个工作日（国办发〔2016〕19号：文件公开后3个工作日内）");
		}
		if (setting.principalLeaderTarget() < InterpretationRules.PRINCIPAL_LEADER_TARGET || setting.principalLeaderTarget() > 100) {
			throw InvalidInputException.of("principalLeaderTarget", "主要负责人年度解读目标应为" + InterpretationRules.PRINCIPAL_LEADER_TARGET
					+ "至100次（工作要点要求每年不少于" + InterpretationRules.PRINCIPAL_LEADER_TARGET + "次）");
		}
		Setting before = of(agencyId);
		dossiers.saveSetting(agencyId, setting);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "interpretation.settings-changed",
				"InterpretationSetting", agencyId, "修改政策解读设置", before.toString(), setting.toString()));
		return setting;
	}
}
