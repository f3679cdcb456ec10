package org.gongkai.powers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.CreditCode;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.ResidentIds;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enforcement publicity, one intention-named step at a time: entering a licence, penalty, compulsory-measure or other
 * enforcement decision with its publication limit in working days; publishing it (late after the limit); recording
 * its change, revocation or declaration as unlawful or void, which withdraws it and publishes the notice with the
 * reason in its place (late after 3 working days); taking it offline at the end of its public period; the entries of
 * publicity before the act and the year's fees. Each step checks the actor's role for the agency, validates before
 * it writes and records an audit entry in the same transaction.
 */
@Service
@Transactional
public class EnforcementManagement {

	/** Who enters and publishes decisions and publicity entries: the agency's editors and administrators. */
	static final Role[] STAFF = { Role.EDITOR, Role.AGENCY_ADMIN };

	/** Who enters the year's fees: the agency administrator. */
	static final Role[] FEE_EDITORS = { Role.AGENCY_ADMIN };

	private static final int MAX_TEXT = 20_000;

	private final Decisions decisions;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final WorkingDayCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EnforcementManagement(Decisions decisions, AgencyDirectory agencies, AgencyAccess access, WorkingDayCalendar calendar,
			ApplicationEventPublisher events, Clock clock) {
		this.decisions = decisions;
		this.agencies = agencies;
		this.access = access;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	// ---- decisions ----------------------------------------------------------------------------------------

	/** Enters a decision; its publication limit is counted from the decision date. Nothing is public yet. */
	public Decision register(DecisionSubmission s) {
		if (s == null) {
			throw InvalidInputException.of("decisionNumber", "请填写执法决定的内容");
		}
		Actor actor = Actors.require();
		List<FieldProblem> problems = new ArrayList<>();
		Agency agency = null;
		if (s.agencyId() == null) {
			problems.add(new FieldProblem("agency", "请选择作出决定的执法机关"));
		}
		else {
			agency = agencies.findById(s.agencyId()).filter(Agency::active).orElse(null);
			if (agency == null) {
				problems.add(new FieldProblem("agency", "执法机关不存在或已撤销"));
			}
		}
		if (agency != null && !access.allows(actor, agency.id(), STAFF)) {
			throw DomainException.forbidden("您没有登记该单位执法决定的权限");
		}
		if (s.kind() == null) {
			problems.add(new FieldProblem("kind", "请选择决定类别"));
		}
		String number = Texts.trimToNull(s.decisionNumber());
		if (number == null || number.length() > 100) {
			problems.add(new FieldProblem("decisionNumber", "请填写决定书文号（不超过100个字）"));
		}
		else if (agency != null && s.kind() != null && decisions.numberTaken(agency.id(), s.kind(), number)) {
			problems.add(new FieldProblem("decisionNumber", "本单位已登记文号为“" + number + "”的" + s.kind().label() + "决定，请核对文号"));
		}
		DecisionPartyType partyType = s.partyType() == null ? DecisionPartyType.NATURAL_PERSON : s.partyType();
		String party = Texts.trimToNull(s.partyName());
		if (party == null || party.length() > 200) {
			problems.add(new FieldProblem("party", "请填写行政相对人名称或姓名（不超过200个字）"));
		}
		String creditCode = Texts.trimToNull(CreditCode.normalise(s.partyCreditCode()));
		if (creditCode == null && partyType.requiresCreditCode()) {
			problems.add(new FieldProblem("partyCreditCode", "请填写" + partyType.label() + "的统一社会信用代码"));
		}
		else if (creditCode != null && partyType == DecisionPartyType.NATURAL_PERSON) {
			problems.add(new FieldProblem("partyCreditCode", "自然人没有统一社会信用代码；如为个体工商户或单位，请选择相对人类别"));
		}
		else if (creditCode != null && !CreditCode.isValid(creditCode)) {
			problems.add(new FieldProblem("partyCreditCode", "统一社会信用代码不正确（应为18位，校验码须正确），请核对"));
		}
		String idNumber = Texts.trimToNull(s.partyIdNumber());
		if (idNumber != null) {
			idNumber = idNumber.toUpperCase(java.util.Locale.ROOT);
			if (partyType != DecisionPartyType.NATURAL_PERSON) {
				problems.add(new FieldProblem("partyIdNumber", "身份证号码只为自然人登记"));
			}
			else if (!ResidentIds.isValid(idNumber)) {
				problems.add(new FieldProblem("partyIdNumber", "居民身份证号码不正确（应为18位，校验码须正确）"));
			}
		}
		LocalDate today = today();
		if (s.decidedOn() == null) {
			problems.add(new FieldProblem("decidedOn", "请填写决定日期"));
		}
		else if (s.decidedOn().isAfter(today)) {
			problems.add(new FieldProblem("decidedOn", "决定日期不能晚于今天"));
		}
		else if (s.decidedOn().getYear() < 2000) {
			problems.add(new FieldProblem("decidedOn", "决定日期应在2000年以后"));
		}
		String category = Texts.trimToNull(s.category());
		if (category != null && category.length() > 200) {
			problems.add(new FieldProblem("category", "类别不超过200个字"));
		}
		String content = Texts.trimToNull(s.content());
		if (content == null || content.length() > MAX_TEXT) {
			problems.add(new FieldProblem("content", "请填写决定内容（不超过" + MAX_TEXT + "字）"));
		}
		String basis = Texts.trimToNull(s.basis());
		if (basis == null || basis.length() > 4000) {
			problems.add(new FieldProblem("basis", "请填写决定依据（不超过4000字）"));
		}
		if (s.amountYuan() != null && (s.amountYuan().signum() < 0 || s.amountYuan().scale() > 2
				|| s.amountYuan().compareTo(new BigDecimal("99999999999999")) > 0)) {
			problems.add(new FieldProblem("amountYuan", "罚没金额应为不小于0的金额（元，最多两位小数）"));
		}
		if (s.validUntil() != null && s.decidedOn() != null && s.validUntil().isBefore(s.decidedOn())) {
			problems.add(new FieldProblem("validUntil", "有效期截止日期不能早于决定日期"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		DueDate due = calendar.addWorkingDaysProvisionally(s.decidedOn(), EnforcementRules.publishWorkingDays(s.kind()));
		Instant now = clock.instant();
		Decision d = new Decision(0, agency.id(), s.kind(), number, partyType, party, creditCode, idNumber, category,
				s.decidedOn(), content, basis, s.amountYuan(), s.validUntil(), DecisionStatus.DRAFT, due.date(), due.provisional(),
				null, null, null, null, null, null, null, null, false, null, null, null, null, 0, actor.username(), now, now);
		long id = decisions.insert(d);
		Decision saved = decisions.find(id).orElseThrow();
		audit(actor, saved, "registered", "登记", null);
		return saved;
	}

	/** Publishes a decision on the portal, the feed and the public API; late when after its limit. */
	public Decision publish(long id) {
		Decision d = lock(id);
		Actor actor = access.require(d.agencyId(), STAFF);
		if (d.status() != DecisionStatus.DRAFT || d.changeKind() != null) {
			throw new DomainException("“" + d.status().label() + "”的决定不能再公示");
		}
		LocalDate today = today();
		boolean late = today.isAfter(d.publishBy());
		Decision saved = save(d, b -> {
			b.status = DecisionStatus.PUBLISHED;
			b.publishedOn = today;
			b.publishedAt = clock.instant();
			b.publishedBy = actor.username();
			b.publicationLate = late;
		});
		audit(actor, saved, "published", late ? "逾期公示（公示期限 " + d.publishBy() + "）" : "公示", d);
		publicChanged(saved);
		return saved;
	}

	/**
	 * Records that a decision was changed, revoked, declared unlawful or void (《行政处罚法》 Art. 48). A published decision
	 * is withdrawn at once and its notice of withdrawal with the reason is public in its place; the withdrawal is late
	 * when recorded after {@link EnforcementRules#withdrawBy}.
	 */
	public Decision change(long id, DecisionChangeKind kind, LocalDate changedOn, String reason) {
		Decision d = lock(id);
		Actor actor = access.require(d.agencyId(), STAFF);
		if (d.changeKind() != null) {
			throw new DomainException("该决定已登记为“" + d.changeKind().label() + "”");
		}
		if (d.status() == DecisionStatus.OFFLINE) {
			throw new DomainException("公示期满已下线的决定无需撤回");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (kind == null) {
			problems.add(new FieldProblem("kind", "请选择变更情形：依法变更、依法撤销、确认违法或确认无效"));
		}
		LocalDate today = today();
		if (changedOn == null) {
			problems.add(new FieldProblem("date", "请填写变更、撤销或确认的日期"));
		}
		else if (changedOn.isAfter(today)) {
			problems.add(new FieldProblem("date", "日期不能晚于今天"));
		}
		else if (changedOn.isBefore(d.decidedOn())) {
			problems.add(new FieldProblem("date", "日期不能早于决定日期 " + d.decidedOn()));
		}
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 2000) {
			problems.add(new FieldProblem("reason", "请说明理由（公开，不超过2000字）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		boolean wasPublic = d.status() == DecisionStatus.PUBLISHED;
		DueDate limit = EnforcementRules.withdrawBy(calendar, changedOn);
		LocalDate withdrawBy = limit.date();
		boolean late = wasPublic && today.isAfter(withdrawBy);
		Decision saved = save(d, b -> {
			b.status = DecisionStatus.WITHDRAWN;
			b.changeKind = kind;
			b.changedOn = changedOn;
			b.changeReason = why;
			b.withdrawBy = withdrawBy;
			b.withdrawByProvisional = limit.provisional();
			b.withdrawnOn = today;
			b.withdrawnAt = clock.instant();
			b.withdrawalLate = wasPublic ? late : null;
		});
		audit(actor, saved, "withdrawn", kind.label() + (wasPublic ? "，撤回公示" + (late ? "（逾期，撤回期限 " + withdrawBy + "）" : "") : ""), d);
		if (wasPublic) {
			publicChanged(saved);
		}
		return saved;
	}

	/**
	 * A holiday notice was loaded: publication and withdrawal limits counted provisionally are counted again, and the
	 * late flags of decisions already published or withdrawn follow the new limit.
	 */
	public void recountProvisional() {
		for (long id : decisions.provisionalLimits()) {
			Decision d = lock(id);
			DueDate due = d.publishByProvisional()
					? calendar.addWorkingDaysProvisionally(d.decidedOn(), EnforcementRules.publishWorkingDays(d.kind()))
					: new DueDate(d.publishBy(), false);
			DueDate withdraw = d.withdrawByProvisional() && d.changedOn() != null ? EnforcementRules.withdrawBy(calendar, d.changedOn())
					: new DueDate(d.withdrawBy(), false);
			boolean publishSame = due.date().equals(d.publishBy()) && due.provisional() == d.publishByProvisional();
			boolean withdrawSame = Objects.equals(withdraw.date(), d.withdrawBy())
					&& withdraw.provisional() == d.withdrawByProvisional();
			if (publishSame && withdrawSame) {
				continue;
			}
			save(d, b -> {
				b.publishBy = due.date();
				b.publishByProvisional = due.provisional();
				if (d.publishedOn() != null) {
					b.publicationLate = d.publishedOn().isAfter(due.date());
				}
				b.withdrawBy = withdraw.date();
				b.withdrawByProvisional = withdraw.provisional();
				if (d.withdrawalLate() != null && d.withdrawnOn() != null && withdraw.date() != null) {
					b.withdrawalLate = d.withdrawnOn().isAfter(withdraw.date());
				}
			});
		}
	}

	/**
	 * Takes offline every public decision (or notice) published before the cutoff of its party type; run daily by
	 * {@link EnforcementRetention}. Each candidate is locked and checked again before it changes, so that two nodes
	 * running the job at once take each decision offline (and audit and announce it) once. Returns how many went offline.
	 */
	public int takeOffline(LocalDate cutoff, LocalDate naturalPersonCutoff) {
		Actor actor = Actors.require();
		if (!actor.isSystemAdmin()) {
			throw DomainException.forbidden("只有系统可以执行公示期满下线");
		}
		int n = 0;
		for (long id : decisions.publicPublishedBefore(cutoff, naturalPersonCutoff)) {
			// another node may have taken it offline (or it changed) since the candidates were read: re-check under the lock
			Decision d = decisions.lock(id).orElse(null);
			if (d == null || !d.hasPublicPage() || d.publishedOn() == null
					|| !d.publishedOn().isBefore(d.partyType() == DecisionPartyType.NATURAL_PERSON ? naturalPersonCutoff : cutoff)) {
				continue;
			}
			LocalDate today = today();
			Decision saved = save(d, b -> {
				b.status = DecisionStatus.OFFLINE;
				b.offlineOn = today;
			});
			audit(actor, saved, "offline", "公示期满下线", d);
			publicChanged(saved);
			n++;
		}
		return n;
	}

	// ---- publicity before the act ------------------------------------------------------------------------

	/** Adds an entry ({@code id} null) or changes one. */
	public EnforcementEntry saveEntry(long agencyId, Long id, EnforcementSection section, String title, String body,
			String certificateNumber, String area, Integer position) {
		Actor actor = access.require(agencyId, STAFF);
		EnforcementEntry existing = null;
		if (id != null) {
			existing = decisions.entry(id).filter(e -> e.agencyId() == agencyId)
				.orElseThrow(() -> DomainException.notFound("该公示事项不存在"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (section == null) {
			problems.add(new FieldProblem("section", "请选择公示类别"));
		}
		String t = Texts.trimToNull(title);
		if (t == null || t.length() > 200) {
			problems.add(new FieldProblem("title", section == EnforcementSection.OFFICER ? "请填写执法人员姓名" : "请填写标题（不超过200个字）"));
		}
		String b = Texts.trimToNull(body);
		if (b != null && b.length() > MAX_TEXT) {
			problems.add(new FieldProblem("body", "内容不超过" + MAX_TEXT + "字"));
		}
		String cert = Texts.trimToNull(certificateNumber);
		if (section == EnforcementSection.OFFICER && cert == null) {
			problems.add(new FieldProblem("certificateNumber", "请填写执法证件号码"));
		}
		if (cert != null && cert.length() > 50) {
			problems.add(new FieldProblem("certificateNumber", "执法证件号码不超过50个字符"));
		}
		String a = Texts.trimToNull(area);
		if (a != null && a.length() > 200) {
			problems.add(new FieldProblem("area", "执法区域不超过200个字"));
		}
		if (section != null && section != EnforcementSection.OFFICER && b == null) {
			problems.add(new FieldProblem("body", "请填写内容"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		EnforcementEntry e = new EnforcementEntry(id == null ? 0 : id, agencyId, section, t, b,
				section == EnforcementSection.OFFICER ? cert : null, section == EnforcementSection.OFFICER ? a : null,
				position == null ? 0 : position, actor.username(), now);
		long saved;
		if (existing == null) {
			saved = decisions.insertEntry(e);
		}
		else {
			decisions.updateEntry(e);
			saved = e.id();
		}
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, existing == null ? "enforcement.entry-added" : "enforcement.entry-changed",
				"EnforcementEntry", saved, "执法事前公开：" + section.label() + "《" + t + "》", existing == null ? null : existing.title(), t));
		events.publishEvent(new PublicPagesChanged(agencyId));
		return decisions.entry(saved).orElseThrow();
	}

	public void deleteEntry(long agencyId, long id) {
		Actor actor = access.require(agencyId, STAFF);
		EnforcementEntry e = decisions.entry(id).filter(x -> x.agencyId() == agencyId)
			.orElseThrow(() -> DomainException.notFound("该公示事项不存在"));
		decisions.deleteEntry(id);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "enforcement.entry-removed", "EnforcementEntry", id,
				"执法事前公开：删除" + e.section().label() + "《" + e.title() + "》", e.title(), null));
		events.publishEvent(new PublicPagesChanged(agencyId));
	}

	// ---- fees ---------------------------------------------------------------------------------------------

	/** Sets the year's administrative fees (行政事业性收费) in 万元, for table 二 of the annual report. */
	public void setFee(long agencyId, Integer year, BigDecimal amountWanYuan) {
		Actor actor = access.require(agencyId, FEE_EDITORS);
		List<FieldProblem> problems = new ArrayList<>();
		if (year == null || year < 2000 || year > today().getYear()) {
			problems.add(new FieldProblem("year", "年度应为2000年至今年"));
		}
		if (amountWanYuan == null || amountWanYuan.signum() < 0 || amountWanYuan.stripTrailingZeros().scale() > 4
				|| amountWanYuan.compareTo(new BigDecimal("999999999999")) > 0) {
			problems.add(new FieldProblem("amount", "请填写本年收费金额（万元，不小于0，最多四位小数）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		BigDecimal before = decisions.fee(agencyId, year).orElse(null);
		Instant now = clock.instant();
		decisions.saveFee(agencyId, year, amountWanYuan, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "enforcement.fee-set", "EnforcementFee", agencyId + "/" + year,
				year + "年行政事业性收费金额（万元）", before == null ? null : before.toPlainString(), amountWanYuan.toPlainString()));
	}

	// ---- helpers ------------------------------------------------------------------------------------------

	private Decision lock(long id) {
		return decisions.lock(id).orElseThrow(() -> DomainException.notFound("该执法决定不存在"));
	}

	private Decision save(Decision d, Consumer<Draft> change) {
		Draft b = new Draft(d);
		change.accept(b);
		decisions.update(b.build(clock.instant()), d.version());
		return decisions.find(d.id()).orElseThrow();
	}

	private void publicChanged(Decision d) {
		events.publishEvent(new PublicDecisionChanged(d.id(), d.agencyId(), d.hasPublicPage()));
		events.publishEvent(new PublicPagesChanged(d.agencyId()));
	}

	private void audit(Actor actor, Decision d, String action, String what, Decision before) {
		String summary = what + "：" + d.kind().label() + "决定 " + d.decisionNumber();
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), d.agencyId(), "decision." + action, "Decision", d.id(), summary,
				before == null ? null : before.status().label(), d.status().label()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	/** A mutable copy of a decision's publication state, for building the changed version of the record. */
	private static final class Draft {

		final Decision d;

		DecisionStatus status;

		LocalDate publishBy;

		boolean publishByProvisional;

		LocalDate publishedOn;

		Instant publishedAt;

		String publishedBy;

		Boolean publicationLate;

		DecisionChangeKind changeKind;

		LocalDate changedOn;

		String changeReason;

		LocalDate withdrawBy;

		boolean withdrawByProvisional;

		LocalDate withdrawnOn;

		Instant withdrawnAt;

		Boolean withdrawalLate;

		LocalDate offlineOn;

		Draft(Decision d) {
			this.d = d;
			status = d.status();
			publishBy = d.publishBy();
			publishByProvisional = d.publishByProvisional();
			publishedOn = d.publishedOn();
			publishedAt = d.publishedAt();
			publishedBy = d.publishedBy();
			publicationLate = d.publicationLate();
			changeKind = d.changeKind();
			changedOn = d.changedOn();
			changeReason = d.changeReason();
			withdrawBy = d.withdrawBy();
			withdrawByProvisional = d.withdrawByProvisional();
			withdrawnOn = d.withdrawnOn();
			withdrawnAt = d.withdrawnAt();
			withdrawalLate = d.withdrawalLate();
			offlineOn = d.offlineOn();
		}

		Decision build(Instant now) {
			return new Decision(d.id(), d.agencyId(), d.kind(), d.decisionNumber(), d.partyType(), d.partyName(), d.partyCreditCode(),
					d.partyIdNumber(), d.category(), d.decidedOn(), d.content(), d.basis(), d.amountYuan(), d.validUntil(), status,
					publishBy, publishByProvisional, publishedOn, publishedAt, publishedBy, publicationLate, changeKind, changedOn,
					changeReason, withdrawBy, withdrawByProvisional, withdrawnOn, withdrawnAt, withdrawalLate, offlineOn, d.version() + 1, d.createdBy(),
					d.createdAt(), now);
		}
	}
}
