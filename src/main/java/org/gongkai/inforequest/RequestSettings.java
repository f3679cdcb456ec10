package org.gongkai.inforequest;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each agency's handling policy for requests: the fee payment period and whether it pauses the clock. */
@Service
@Transactional
public class RequestSettings {

	/**
	 * @param feePaymentDays working days the applicant has to pay a fee notice (109号 Art. 6 onward unread: a setting)
	 * @param feePausesClock whether the reply clock stops while a fee notice is unpaid (unconfirmed: a setting)
	 * @param dueSoonDays working days before the due date from which a request is flagged "due soon"
	 */
	public record Setting(int feePaymentDays, boolean feePausesClock, int dueSoonDays) {

		public static final Setting DEFAULT = new Setting(RequestRules.DEFAULT_FEE_PAYMENT_WORKING_DAYS, false,
				RequestRules.DUE_SOON_WORKING_DAYS);
	}

	private final InfoRequests requests;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	RequestSettings(InfoRequests requests, AgencyAccess access, ApplicationEventPublisher events, java.time.Clock clock) {
		this.requests = requests;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Setting of(long agencyId) {
		return requests.setting(agencyId).orElse(Setting.DEFAULT);
	}

	public Setting change(long agencyId, Setting setting) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN);
		if (setting.feePaymentDays() < 1 || setting.feePaymentDays() > 60) {
			throw InvalidInputException.of("feePaymentDays", "缴费期限应为1至60个工作日");
		}
		if (setting.dueSoonDays() < 1 || setting.dueSoonDays() > 20) {
			throw InvalidInputException.of("dueSoonDays", "临期提醒应为到期前1至20个工作日");
		}
		Setting before = of(agencyId);
		requests.saveSetting(agencyId, setting);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "inforequest.settings-changed", "RequestSetting",
				agencyId, "修改依申请公开办理设置", before.toString(), setting.toString()));
		return setting;
	}
}
