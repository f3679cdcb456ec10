package org.gongkai.powers;

import java.time.LocalDate;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.platform.Actor;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.Role;

/**
 * The legal time limits and masking rules of enforcement publicity, in one place (domain-rules §6.1, §6.4, §9.1
 * items 7–8).
 * <p>
 * <b>Withdrawal limit.</b> 《行政处罚法》 (2021) Art. 48 requires a published penalty decision that is changed, revoked,
 * declared unlawful or void to be withdrawn 「在三日内」, and Art. 85 defines the term: 「本法中“二日”“三日”“五日”“七日”的规定是指工作日，
 * 不含法定节假日」. The limit is therefore 3 <em>working</em> days, counted on the official calendar (make-up working days
 * included, statutory holidays excluded). Note: the shared domain-rules §6.1 says “3 days (calendar days)”; that is
 * wrong against Art. 85, and this class follows the statute.
 * <p>
 * <b>Individual businesses (个体工商户).</b> A 个体工商户 without a unified social credit code is often known only by the
 * operator's own name, so its name is masked like a natural person's ({@link #masksPartyName}) and it is not found by
 * name on the public search. With a credit code its registered name is a market entity's name (市场主体登记名称) and is
 * published as registered, with the code.
 * <p>
 * <b>Staff view of personal data.</b> The party's full name and ID number, and the unmasked texts, are shown only to an
 * editor or agency administrator holding a grant on exactly the deciding agency ({@link #seesPersonalData}); supervisors,
 * other roles and grants reaching the agency through a subtree see the published (masked) forms, in the console and in the
 * staff API alike.
 */
public final class EnforcementRules {

	/**
	 * Licence and penalty decisions online within 7 working days of the decision: 国办发〔2015〕51号 (十八)
	 * 「自作出行政决定之日起7个工作日内上网公开」, and 国办发〔2018〕118号 「行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开」.
	 */
	public static final int DOUBLE_PUBLICITY_WORKING_DAYS = 7;

	/**
	 * Other enforcement decisions (compulsory measures included) within 20 working days: 国办发〔2018〕118号
	 * 「在执法决定作出之日起20个工作日内，向社会公布执法机关、执法对象、执法类别、执法结论等信息」.
	 */
	public static final int GENERAL_WORKING_DAYS = 20;

	/**
	 * A published decision changed, revoked, declared unlawful or void is withdrawn within 3 working days with the
	 * reasons published: 《行政处罚法》 (2021) Art. 48 「应当在三日内撤回行政处罚决定信息并公开说明理由」, read with Art. 85
	 * (「三日」 means working days, statutory holidays excluded). The platform applies the same limit to every kind of
	 * decision.
	 */
	public static final int WITHDRAW_WORKING_DAYS = 3;

	/** Default public period (years) of a decision: a local rule (Hebei Yuhua district, domain-rules §6.4). */
	public static final int DEFAULT_RETENTION_YEARS = 5;

	/** Default public period (years) when the party is a natural person: the same local rule. */
	public static final int DEFAULT_NATURAL_PERSON_RETENTION_YEARS = 2;

	private EnforcementRules() {
	}

	/** The publication limit of a kind, in working days after the decision date. */
	public static int publishWorkingDays(DecisionKind kind) {
		return kind == DecisionKind.LICENCE || kind == DecisionKind.PENALTY ? DOUBLE_PUBLICITY_WORKING_DAYS
				: GENERAL_WORKING_DAYS;
	}

	/**
	 * The last day to withdraw a decision changed on {@code changedOn}: the 3rd working day after it (Art. 48, 85);
	 * provisional when the count reaches a year whose holiday notice is not loaded.
	 */
	public static DueDate withdrawBy(WorkingDayCalendar calendar, LocalDate changedOn) {
		return calendar.addWorkingDaysProvisionally(changedOn, WITHDRAW_WORKING_DAYS);
	}

	/**
	 * A natural person's name as published: the surname (first character) and one asterisk for each other character,
	 * e.g. 张** for 张三丰 and 张* for 张三 (《个人信息保护法》 Art. 6 minimum necessary; 51号 publishes the party).
	 */
	public static String maskName(String name) {
		if (name == null || name.isBlank()) {
			return name;
		}
		String n = name.strip();
		int first = n.offsetByCodePoints(0, 1);
		int rest = n.codePointCount(first, n.length());
		return n.substring(0, first) + "*".repeat(Math.max(rest, 1));
	}

	/** A resident ID number as published: the scanner's mask (region code and last four), or nothing. */
	public static String maskIdNumber(String id) {
		return id == null ? null : PersonalDataScanner.mask(id);
	}

	/**
	 * Whether the party's name is published masked: a natural person's, and a 个体工商户's registered without a unified
	 * social credit code (its name is then usually the operator's own name). A 个体工商户 with a credit code is published
	 * under its registered name.
	 */
	public static boolean masksPartyName(DecisionPartyType type, String creditCode) {
		return type == DecisionPartyType.NATURAL_PERSON
				|| (type == DecisionPartyType.INDIVIDUAL_BUSINESS && (creditCode == null || creditCode.isBlank()));
	}

	/**
	 * A text of a decision as published: ID numbers, mobile and card numbers masked, and a masked party's full name
	 * ({@link #masksPartyName}) replaced with its masked form.
	 */
	public static String publicText(Decision d, String text) {
		if (text == null) {
			return null;
		}
		String out = PersonalDataScanner.mask(text);
		if (masksPartyName(d.partyType(), d.partyCreditCode()) && d.partyName() != null && !d.partyName().isBlank()) {
			out = out.replace(d.partyName().strip(), maskName(d.partyName()));
		}
		return out;
	}

	/**
	 * Whether the actor sees a decision's personal data unmasked (the party's full name, ID number and the raw texts): an
	 * {@link Role#EDITOR} or {@link Role#AGENCY_ADMIN} with a grant on exactly the deciding agency — the staff who enter
	 * and publish it. Supervisors, other roles, system administrators and grants that reach the agency only through a
	 * subtree see the published (masked) forms (《个人信息保护法》 Art. 6 minimum necessary).
	 */
	public static boolean seesPersonalData(Actor actor, long agencyId) {
		return actor != null && actor.grants()
			.stream()
			.anyMatch(g -> (g.role() == Role.EDITOR || g.role() == Role.AGENCY_ADMIN) && g.agencyId() != null
					&& g.agencyId() == agencyId);
	}

	/**
	 * The decision as the actor may see it in the console and the staff API: itself for who
	 * {@linkplain #seesPersonalData sees personal data}, otherwise a copy with the party's name and ID number masked and
	 * its texts as published ({@link #publicText}). Only for display: never saved.
	 */
	public static Decision asSeenBy(Actor actor, Decision d) {
		if (seesPersonalData(actor, d.agencyId())) {
			return d;
		}
		return new Decision(d.id(), d.agencyId(), d.kind(), d.decisionNumber(), d.partyType(), d.publicPartyName(),
				d.partyCreditCode(), maskIdNumber(d.partyIdNumber()), publicText(d, d.category()), d.decidedOn(),
				publicText(d, d.content()), publicText(d, d.basis()), d.amountYuan(), d.validUntil(), d.status(), d.publishBy(),
				d.publishByProvisional(), d.publishedOn(), d.publishedAt(), d.publishedBy(), d.publicationLate(), d.changeKind(),
				d.changedOn(), publicText(d, d.changeReason()), d.withdrawBy(), d.withdrawByProvisional(), d.withdrawnOn(),
				d.withdrawnAt(), d.withdrawalLate(), d.offlineOn(), d.version(), d.createdBy(), d.createdAt(), d.updatedAt());
	}
}
