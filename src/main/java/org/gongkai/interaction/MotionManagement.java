package org.gongkai.interaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling of deputies' suggestions and CPPCC proposals (建议提案办理), one intention-named step at a time. Each step
 * checks the actor's role for the unit concerned and the motion's state, validates before it writes, and records the
 * step in the motion's history and the audit trail. The dispatcher (交办单位: a supervisor, or an agency administrator
 * with reach over the lead unit) registers, re-assigns, sets deadlines, allows a second handling and closes; the lead
 * unit consults the proposers (面商), replies and decides how the reply is published; the co-units give opinions.
 */
@Service
@Transactional
public class MotionManagement {

	/** Staff of a unit who write for it: opinions, consultations, replies, feedback. */
	static final Role[] UNIT_STAFF = { Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER };

	/** Who decides on and withdraws the publication of a reply: the lead unit's approver or administrator. */
	static final Role[] PUBLISHERS = { Role.APPROVER, Role.AGENCY_ADMIN };

	/**
	 * The roles of the dispatcher (交办单位); see {@link #isDispatcher} for where they must be granted: never on the
	 * lead unit alone for an agency administrator, so that a unit does not dispatch, re-time or close its own motions.
	 */
	static final Role[] DISPATCHERS = { Role.SUPERVISOR, Role.AGENCY_ADMIN };

	/** The steps of the history, in Chinese. */
	static final Map<String, String> STEP_LABELS = labels();

	private static final int MAX_TEXT = 50_000;

	private final Motions motions;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final WorkingDayCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MotionManagement(Motions motions, AgencyDirectory agencies, AgencyAccess access, WorkingDayCalendar calendar,
			ApplicationEventPublisher events, Clock clock) {
		this.motions = motions;
		this.agencies = agencies;
		this.access = access;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	private static Map<String, String> labels() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("registered", "登记交办");
		m.put("accepted", "签收");
		m.put("units-changed", "调整承办单位");
		m.put("deadline-set", "确定答复期限");
		m.put("co-opinion", "协办意见");
		m.put("consulted", "面商");
		m.put("replied", "答复");
		m.put("publication", "公开决定");
		m.put("publication-withdrawn", "撤回公开");
		m.put("feedback", "提出人意见");
		m.put("rehandle", "重新办理");
		m.put("closed", "办结");
		m.put("recounted", "重新计算公开期限");
		return Map.copyOf(m);
	}

	// ---- the year's arrangement ---------------------------------------------------------------------------

	/** The year's arrangement, or the defaults when the year was not arranged. */
	@Transactional(readOnly = true)
	public MotionYear arrangement(int year) {
		return motions.year(year).orElseGet(() -> MotionYear.defaults(year));
	}

	/**
	 * Sets a year's arrangement (a supervisor or the system administrator). Motions of the year still awaiting their
	 * first reply under the year's rule get their deadline again, replied ones awaiting publication their limit.
	 */
	public MotionYear arrange(int year, String suggestionSession, String proposalSession, Integer replyMonths,
			LocalDate fixedDueOn, Integer publishDays, Boolean consultationRequired) {
		Actor actor = Actors.require();
		if (!canArrange(actor)) {
			throw DomainException.forbidden("只有本级政务公开办（交办单位）可以设置建议提案年度办理安排");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (year < 2000 || year > 2100) {
			problems.add(new FieldProblem("year", "年度应为2000至2100年之间"));
		}
		String s1 = Texts.trimToNull(suggestionSession);
		String s2 = Texts.trimToNull(proposalSession);
		if (s1 != null && s1.length() > 100) {
			problems.add(new FieldProblem("suggestionSession", "人大会议名称不超过100个字"));
		}
		if (s2 != null && s2.length() > 100) {
			problems.add(new FieldProblem("proposalSession", "政协会议名称不超过100个字"));
		}
		if (replyMonths == null || replyMonths < 1 || replyMonths > MotionYear.MAX_REPLY_MONTHS) {
			problems.add(new FieldProblem("replyMonths", "答复期限应为1至" + MotionYear.MAX_REPLY_MONTHS + "个月"));
		}
		if (publishDays == null || publishDays < 1 || publishDays > MotionYear.MAX_PUBLISH_DAYS) {
			problems.add(new FieldProblem("publishDays", "公开时限应为1至" + MotionYear.MAX_PUBLISH_DAYS + "个工作日"));
		}
		if (fixedDueOn != null && (fixedDueOn.getYear() < year || fixedDueOn.getYear() > year + 1)) {
			problems.add(new FieldProblem("fixedDueOn", "统一答复期限应在本年度或次年内"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		MotionYear before = arrangement(year);
		Instant now = clock.instant();
		MotionYear after = new MotionYear(year, s1, s2, replyMonths, fixedDueOn, publishDays,
				consultationRequired == null || consultationRequired, true, actor.username(), now);
		motions.saveYear(after);
		LocalDate today = today();
		for (long id : motions.followingArrangement(year)) {
			Motion m = lock(id);
			Deadline d = deadline(after, m.assignedOn(), null);
			if (!d.date().equals(m.dueOn())) {
				save(m, b -> {
					if (m.dueOn().isBefore(today) && m.missedDueOn() == null) {
						b.missedDueOn = m.dueOn();
					}
					b.dueOn = d.date();
					b.dueRule = d.rule();
				});
				motions.addEvent(id, now, actor.username(), "deadline-set", "年度办理安排调整，答复期限改为 " + d.date() + "（" + d.rule() + "）");
			}
		}
		if (before.publishDays() != after.publishDays()) {
			for (Motion m : motions.ofYear(year)) {
				if (m.repliedOn() != null && m.awaitingPublicationDecision()) {
					Motion locked = lock(m.id());
					DueDate due = calendar.addWorkingDaysProvisionally(locked.repliedOn(), after.publishDays());
					save(locked, b -> {
						b.publishDueOn = due.date();
						b.publishDueProvisional = due.provisional();
					});
				}
			}
		}
		events.publishEvent(ChangeRecorded.of(actor, now, null, "motion.year-arranged", "MotionYear", year,
				year + "年度建议提案办理安排", describe(before), describe(after)));
		return after;
	}

	/**
	 * Who sets the year's arrangement, which re-times every unit's motions: the system administrator, or a supervisor
	 * whose grant covers a whole tree (a subtree grant on a root agency, one without a parent) — not a supervisor of
	 * one department or township.
	 */
	public boolean canArrange(Actor actor) {
		if (actor.isSystemAdmin()) {
			return true;
		}
		for (RoleGrant grant : actor.grants()) {
			if (grant.role() == Role.SUPERVISOR && grant.subtree() && grant.agencyId() != null
					&& agencies.findById(grant.agencyId()).filter(a -> a.parentId() == null).isPresent()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The dispatcher (交办单位) over a lead unit: the system administrator; a supervisor granted on the unit or, with a
	 * subtree grant, on an agency above it; or an agency administrator with a subtree grant on a strict ancestor of the
	 * unit. The lead unit's own administrator is not its dispatcher: it cannot move its deadline, change its units,
	 * decide on a second handling or close its motions.
	 */
	public boolean isDispatcher(Actor actor, long leadUnit) {
		if (actor.isSystemAdmin()) {
			return true;
		}
		Agency lead = null;
		for (RoleGrant grant : actor.grants()) {
			if (grant.agencyId() == null || (grant.role() != Role.SUPERVISOR && grant.role() != Role.AGENCY_ADMIN)) {
				continue;
			}
			if (grant.agencyId() == leadUnit) {
				if (grant.role() == Role.SUPERVISOR) {
					return true;
				}
				continue;
			}
			if (grant.subtree()) {
				if (lead == null) {
					lead = agencies.findById(leadUnit).orElse(null);
					if (lead == null) {
						return false;
					}
				}
				if (lead.isWithin(grant.agencyId())) {
					return true;
				}
			}
		}
		return false;
	}

	private Actor requireDispatcher(long leadUnit, String message) {
		Actor actor = Actors.require();
		if (!isDispatcher(actor, leadUnit)) {
			throw DomainException.forbidden(message);
		}
		return actor;
	}

	private static String describe(MotionYear y) {
		return "答复期限" + (y.fixedDueOn() != null ? "统一为" + y.fixedDueOn() : "交办之日起" + y.replyMonths() + "个月") + "；答复后"
				+ y.publishDays() + "个工作日内公开；" + (y.consultationRequired() ? "答复前须面商" : "面商不作强制要求");
	}

	/** A reply deadline and the rule it came from. */
	record Deadline(LocalDate date, String rule) {
	}

	/** The deadline of a motion: the dispatcher's, else the year's fixed date, else the reply period from assignment. */
	static Deadline deadline(MotionYear year, LocalDate assignedOn, LocalDate explicit) {
		if (explicit != null) {
			return new Deadline(explicit, "交办单位确定的答复期限");
		}
		if (year.fixedDueOn() != null && !year.fixedDueOn().isBefore(assignedOn)) {
			return new Deadline(year.fixedDueOn(), year.year() + "年度统一答复期限");
		}
		return new Deadline(assignedOn.plusMonths(year.replyMonths()), "交办之日起" + year.replyMonths() + "个月");
	}

	// ---- the dispatcher ----------------------------------------------------------------------------------

	/** Registers and assigns a motion to its lead unit and co-units (交办). */
	public Motion register(MotionRegistration r) {
		if (r == null) {
			throw InvalidInputException.of("title", "请填写建议提案的内容");
		}
		Actor actor = Actors.require();
		List<FieldProblem> problems = new ArrayList<>();
		if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
			problems.add(new FieldProblem("year", "请填写年度（2000至2100年）"));
		}
		if (r.kind() == null) {
			problems.add(new FieldProblem("kind", "请选择类别：人大代表建议或政协提案"));
		}
		String number = Texts.trimToNull(r.number());
		if (number == null || number.length() > 40) {
			problems.add(new FieldProblem("number", "请填写建议号或提案号（不超过40个字符）"));
		}
		else if (r.year() != null && r.kind() != null && motions.numberTaken(r.year(), r.kind(), number)) {
			problems.add(new FieldProblem("number", r.year() + "年已有" + r.kind().shortLabel() + "第" + number + "号，请核对编号"));
		}
		String title = Texts.trimToNull(r.title());
		if (title == null || title.length() > 300) {
			problems.add(new FieldProblem("title", "请填写标题（不超过300个字）"));
		}
		String content = Texts.trimToNull(r.content());
		if (content != null && content.length() > MAX_TEXT) {
			problems.add(new FieldProblem("content", "内容过长（不超过" + MAX_TEXT + "字）"));
		}
		String proposers = Texts.trimToNull(r.proposers());
		if (proposers == null || proposers.length() > 500) {
			problems.add(new FieldProblem("proposers", "请填写提出人（领衔人和附议人姓名，不超过500个字）"));
		}
		String contact = Texts.trimToNull(r.proposerContact());
		if (contact != null && contact.length() > 500) {
			problems.add(new FieldProblem("proposerContact", "联系方式不超过500个字"));
		}
		String session = Texts.trimToNull(r.sessionLabel());
		if (session != null && session.length() > 100) {
			problems.add(new FieldProblem("sessionLabel", "会议名称不超过100个字"));
		}
		Agency lead = null;
		if (r.leadUnit() == null) {
			problems.add(new FieldProblem("leadUnit", "请选择主办单位"));
		}
		else {
			lead = agencies.findById(r.leadUnit()).filter(Agency::active).orElse(null);
			if (lead == null) {
				problems.add(new FieldProblem("leadUnit", "主办单位不存在或已撤销"));
			}
		}
		Set<Long> coUnits = coUnitProblems(r.coUnits(), r.leadUnit(), problems);
		LocalDate today = today();
		if (r.assignedOn() == null) {
			problems.add(new FieldProblem("assignedOn", "请填写交办日期"));
		}
		else if (r.assignedOn().isAfter(today)) {
			problems.add(new FieldProblem("assignedOn", "交办日期不能晚于今天"));
		}
		if (r.dueOn() != null && r.assignedOn() != null && !r.dueOn().isAfter(r.assignedOn())) {
			problems.add(new FieldProblem("dueOn", "答复期限应晚于交办日期"));
		}
		if (lead != null && !isDispatcher(actor, lead.id())) {
			throw DomainException.forbidden("您没有向该单位交办建议提案的权限");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		MotionYear year = arrangement(r.year());
		Deadline d = deadline(year, r.assignedOn(), r.dueOn());
		Instant now = clock.instant();
		Motion m = new Motion(0, r.year(), r.kind(), number, session != null ? session : year.sessionOf(r.kind()), title, content,
				proposers, contact, lead.id(), r.assignedOn(), r.dueOn(), d.date(), d.rule(), MotionStatus.REGISTERED, 1, null,
				null, null, null, null, null, null, null, false, null, null, null, null, null, null, null, null, null, false,
				null, null, null, null, null, null, null, null, null, 0, actor.username(), now, now);
		long id = motions.insert(m);
		for (Long unit : coUnits) {
			motions.addCoUnit(id, unit);
		}
		Motion saved = motions.find(id).orElseThrow();
		motions.addEvent(id, now, actor.username(), "registered", "交由" + lead.name() + "主办" + coUnitNames(coUnits)
				+ "，答复期限 " + d.date() + "（" + d.rule() + "）");
		audit(actor, saved, "registered", null);
		return saved;
	}

	/** The lead unit takes the motion up (签收). */
	public Motion accept(long id) {
		Motion m = lock(id);
		Actor actor = access.require(m.leadUnit(), UNIT_STAFF);
		if (m.status() != MotionStatus.REGISTERED) {
			throw new DomainException("“" + m.status().label() + "”的建议提案不需要签收");
		}
		return step(m, actor, "accepted", "主办单位签收", b -> b.status = MotionStatus.HANDLING);
	}

	/** Changes the lead unit and the co-units before the reply (调整承办单位). */
	public Motion changeUnits(long id, Long leadUnit, List<Long> coUnits, String reason) {
		Motion m = lock(id);
		Actor actor = requireDispatcher(m.leadUnit(), "只有交办单位可以调整承办单位");
		if (!m.status().awaitingReply()) {
			throw new DomainException("已答复的建议提案不能再调整承办单位");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Agency lead = null;
		if (leadUnit == null) {
			problems.add(new FieldProblem("leadUnit", "请选择主办单位"));
		}
		else {
			lead = agencies.findById(leadUnit).filter(Agency::active).orElse(null);
			if (lead == null) {
				problems.add(new FieldProblem("leadUnit", "主办单位不存在或已撤销"));
			}
		}
		Set<Long> wanted = coUnitProblems(coUnits, leadUnit, problems);
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 1000) {
			problems.add(new FieldProblem("reason", "请说明调整理由（不超过1000字）"));
		}
		if (lead != null && lead.id() != m.leadUnit() && !isDispatcher(actor, lead.id())) {
			throw DomainException.forbidden("您没有向该单位交办建议提案的权限");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Set<Long> current = new LinkedHashSet<>();
		motions.coUnits(id).forEach(u -> current.add(u.agencyId()));
		for (Long unit : current) {
			if (!wanted.contains(unit)) {
				motions.removeCoUnit(id, unit);
			}
		}
		for (Long unit : wanted) {
			if (!current.contains(unit)) {
				motions.addCoUnit(id, unit);
			}
		}
		long newLead = lead.id();
		String note = "主办单位：" + lead.name() + coUnitNames(wanted) + "。理由：" + why;
		Motion saved = step(m, actor, "units-changed", note, b -> b.leadUnit = newLead);
		if (saved.isPublic() && newLead != m.leadUnit()) {
			// a reply of the first round stays public while the motion is handled again: its page names the new unit
			publicChanged(saved);
			events.publishEvent(new PublicPagesChanged(m.leadUnit()));
		}
		return saved;
	}

	/** The dispatcher sets this motion's reply deadline (另行确定答复期限). */
	public Motion setDeadline(long id, LocalDate dueOn, String reason) {
		Motion m = lock(id);
		Actor actor = requireDispatcher(m.leadUnit(), "只有交办单位可以调整答复期限");
		if (!m.status().awaitingReply()) {
			throw new DomainException("已答复的建议提案不能再调整答复期限");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "请填写答复期限"));
		}
		else if (!dueOn.isAfter(m.assignedOn())) {
			problems.add(new FieldProblem("dueOn", "答复期限应晚于交办日期 " + m.assignedOn()));
		}
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 1000) {
			problems.add(new FieldProblem("reason", "请说明理由（不超过1000字）"));
		}
		// a deadline that has passed is moved only by a supervisor, with a reason; the reply stays late against it
		boolean expired = m.dueOn().isBefore(today());
		if (expired && !access.allows(actor, m.leadUnit(), Role.SUPERVISOR)) {
			throw new DomainException("答复期限 " + m.dueOn() + " 已过，只有政务公开办可以说明理由后另行确定答复期限");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String note = "答复期限改为 " + dueOn + "。理由：" + why
				+ (expired ? "（原答复期限 " + m.lateAfter() + " 已过，答复仍按原期限计算是否逾期）" : "");
		return step(m, actor, "deadline-set", note, b -> {
			if (expired && m.missedDueOn() == null) {
				b.missedDueOn = m.dueOn();
			}
			b.dueOn = dueOn;
			if (m.round() == 1) {
				b.explicitDueOn = dueOn;
				b.dueRule = "交办单位确定的答复期限";
			}
		});
	}

	// ---- handling ----------------------------------------------------------------------------------------

	/** A co-unit gives its opinion to the lead unit (协办意见); given again, it replaces the earlier one. */
	public Motion coUnitOpinion(long id, long agencyId, String opinion, LocalDate givenOn) {
		Motion m = lock(id);
		Actor actor = access.require(agencyId, UNIT_STAFF);
		if (motions.coUnits(id).stream().noneMatch(u -> u.agencyId() == agencyId)) {
			throw DomainException.forbidden("该单位不是本件的协办单位");
		}
		if (!m.status().awaitingReply()) {
			throw new DomainException("主办单位已答复，不能再提交协办意见");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String text = Texts.trimToNull(opinion);
		if (text == null || text.length() > 10_000) {
			problems.add(new FieldProblem("opinion", "请填写协办意见（不超过10000字）"));
		}
		problems.addAll(pastDate("opinionOn", givenOn, "提出协办意见之日", m.assignedOn()));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Agency unit = agencies.requireById(agencyId);
		motions.saveOpinion(id, agencyId, text, givenOn, actor.username(), clock.instant());
		return step(m, actor, "co-opinion", unit.name() + "提出协办意见（" + givenOn + "）", b -> {
			if (m.status() == MotionStatus.REGISTERED) {
				b.status = MotionStatus.HANDLING;
			}
		});
	}

	/** The lead unit records a consultation with the proposers (面商); several may be held. */
	public MotionConsultation recordConsultation(long id, LocalDate heldOn, MotionConsultationForm form, String participants,
			String summary) {
		Motion m = lock(id);
		Actor actor = access.require(m.leadUnit(), UNIT_STAFF);
		if (!m.status().awaitingReply()) {
			throw new DomainException("已答复的建议提案不能再登记面商");
		}
		List<FieldProblem> problems = new ArrayList<>(pastDate("heldOn", heldOn, "面商日期", m.assignedOn()));
		if (form == null) {
			problems.add(new FieldProblem("form", "请选择面商形式"));
		}
		String who = Texts.trimToNull(participants);
		if (who == null || who.length() > 500) {
			problems.add(new FieldProblem("participants", "请填写参加人员（不超过500个字）"));
		}
		String text = Texts.trimToNull(summary);
		if (text == null || text.length() > 10_000) {
			problems.add(new FieldProblem("summary", "请填写面商情况摘要（不超过10000字）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long cid = motions.addConsultation(id, m.round(), heldOn, form, who, text, actor.username(), clock.instant());
		step(m, actor, "consulted", heldOn + " " + form.label() + "面商，参加人员：" + who, b -> {
			if (m.status() == MotionStatus.REGISTERED) {
				b.status = MotionStatus.HANDLING;
			}
		});
		return motions.consultations(id).stream().filter(c -> c.id() == cid).findFirst().orElseThrow();
	}

	/**
	 * The lead unit replies to the proposers (答复). Refused without a consultation in this round when the year
	 * requires one; a reply after the deadline is counted late. The publication limit starts with the reply.
	 */
	public Motion reply(long id, MotionCategory category, String content, LocalDate repliedOn) {
		Motion m = lock(id);
		Actor actor = access.require(m.leadUnit(), UNIT_STAFF);
		if (!m.status().awaitingReply()) {
			throw new DomainException("“" + m.status().label() + "”的建议提案不能再答复");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (category == null) {
			problems.add(new FieldProblem("category", "请选择答复类别（A、B或C类）"));
		}
		String text = Texts.trimToNull(content);
		if (text == null || text.length() > MAX_TEXT) {
			problems.add(new FieldProblem("content", "请填写答复全文（不超过" + MAX_TEXT + "字）"));
		}
		List<FieldProblem> dateProblems = pastDate("repliedOn", repliedOn, "答复日期", m.assignedOn());
		problems.addAll(dateProblems);
		if (dateProblems.isEmpty() && m.round() > 1) {
			// the reply of a second handling comes after the decision to handle again and after the earlier reply
			LocalDate previous = motions.replies(id)
				.stream()
				.filter(r -> r.round() < m.round())
				.map(MotionReply::repliedOn)
				.max(LocalDate::compareTo)
				.orElse(null);
			if (m.rehandledOn() != null && repliedOn.isBefore(m.rehandledOn())) {
				problems.add(new FieldProblem("repliedOn", "重新办理的答复日期不能早于决定重新办理之日 " + m.rehandledOn()));
			}
			else if (previous != null && !repliedOn.isAfter(previous)) {
				problems.add(new FieldProblem("repliedOn", "重新办理的答复日期应晚于上次答复日期 " + previous));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		MotionYear year = arrangement(m.year());
		if (year.consultationRequired() && motions.consultations(id)
			.stream()
			.noneMatch(c -> c.round() == m.round() && !c.heldOn().isAfter(repliedOn))) {
			throw new DomainException(m.year() + "年度要求主办单位在答复前与提出人面商。请先登记面商情况（面商日期、形式、参加人员和情况摘要），再答复"
					+ (m.round() > 1 ? "；重新办理的须重新面商" : ""));
		}
		LocalDate due = m.lateAfter();
		boolean late = repliedOn.isAfter(due);
		DueDate publishBy = calendar.addWorkingDaysProvisionally(repliedOn, year.publishDays());
		Instant now = clock.instant();
		motions.addReply(id, m.round(), category, text, repliedOn, due, late, actor.username(), now);
		String note = (m.round() > 1 ? "重新办理后答复，" : "") + category.label() + "，答复日期 " + repliedOn
				+ (late ? "（逾期，答复期限 " + due + "）" : "") + "；应于 " + publishBy.date() + (publishBy.provisional() ? "（暂定）" : "")
				+ " 前决定并公开答复";
		long missing = motions.coUnits(id).stream().filter(u -> !u.answered()).count();
		if (missing > 0) {
			note += "；尚有" + missing + "个协办单位未提交协办意见";
		}
		return step(m, actor, "replied", note, b -> {
			b.status = MotionStatus.REPLIED;
			b.replyCategory = category;
			b.replyContent = text;
			b.repliedOn = repliedOn;
			b.replyLate = late;
			b.repliedBy = actor.username();
			if (m.round() == 1) {
				b.firstRepliedOn = repliedOn;
				b.firstReplyLate = late;
			}
			b.publishDueOn = publishBy.date();
			b.publishDueProvisional = publishBy.provisional();
		});
	}

	// ---- publication -------------------------------------------------------------------------------------

	/**
	 * The lead unit decides how the latest reply is published: in full, as a summary, or not at all (国办发〔2014〕46号).
	 * The public text is masked ({@link PersonalDataScanner#mask}); the decision is late when made after the limit.
	 */
	public Motion decidePublication(long id, MotionPublication decision, String reason, String summary) {
		Motion m = lock(id);
		Actor actor = access.require(m.leadUnit(), PUBLISHERS);
		if (m.status().awaitingReply() || m.repliedOn() == null) {
			throw new DomainException("答复提出人后才能决定答复的公开方式");
		}
		if (m.isPublic() && m.publishedRound() != null && m.publishedRound() == m.round()) {
			throw new DomainException("本件答复已" + m.publication().label() + "；如需改变公开方式，请先撤回公开");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (decision == null) {
			problems.add(new FieldProblem("decision", "请选择公开方式"));
		}
		String why = Texts.trimToNull(reason);
		if (decision != null && decision != MotionPublication.FULL && why == null) {
			problems.add(new FieldProblem("reason", decision == MotionPublication.SUMMARY
					? "摘要公开须说明理由（如内容复杂、篇幅较长）" : "不予公开须说明理由（如涉及国家秘密、个人隐私）"));
		}
		if (why != null && why.length() > 1000) {
			problems.add(new FieldProblem("reason", "理由不超过1000字"));
		}
		String abstractText = Texts.trimToNull(summary);
		if (decision == MotionPublication.SUMMARY && abstractText == null) {
			problems.add(new FieldProblem("summary", "摘要公开须填写公开的摘要"));
		}
		if (abstractText != null && abstractText.length() > 10_000) {
			problems.add(new FieldProblem("summary", "摘要不超过10000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate today = today();
		Instant now = clock.instant();
		boolean published = decision.isPublic();
		boolean late = published && m.publishDueOn() != null && today.isAfter(m.publishDueOn());
		String text = switch (decision) {
			case FULL -> PersonalDataScanner.mask(m.replyContent());
			case SUMMARY -> PersonalDataScanner.mask(abstractText);
			case NOT_PUBLISHED -> null;
		};
		String note = decision.label() + (why != null ? "。理由：" + why : "")
				+ (late ? "（超过公开时限 " + m.publishDueOn() + "）" : "");
		Motion saved = step(m, actor, "publication", note, b -> {
			b.publication = decision;
			b.publicationReason = why;
			b.publicationSummary = decision == MotionPublication.SUMMARY ? abstractText : null;
			b.publicationBy = actor.username();
			b.publishedRound = m.round();
			if (published) {
				b.publishedText = text;
				b.publishedOn = today;
				b.publishedAt = now;
				b.publicationLate = late;
				b.isPublic = true;
				b.withdrawnReason = null;
				b.withdrawnAt = null;
			}
			else {
				b.publicationLate = null;
				b.isPublic = false;
				b.publishedText = null;
			}
		});
		if (published || m.isPublic()) {
			publicChanged(saved);
		}
		return saved;
	}

	/** Takes a published reply off the portal, the feed and the API (撤回公开); the record and its history stay. */
	public Motion withdrawPublication(long id, String reason) {
		Motion m = lock(id);
		Actor actor = Actors.require();
		if (!access.allows(actor, m.leadUnit(), PUBLISHERS) && !access.allows(actor, m.leadUnit(), Role.SUPERVISOR)) {
			throw DomainException.forbidden("您没有撤回该件答复公开的权限");
		}
		if (!m.isPublic()) {
			throw new DomainException("本件答复没有公开，无需撤回");
		}
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 1000) {
			throw InvalidInputException.of("reason", "请说明撤回理由（不超过1000字）");
		}
		Motion saved = step(m, actor, "publication-withdrawn", "撤回公开。理由：" + why, b -> {
			b.isPublic = false;
			b.withdrawnReason = why;
			b.withdrawnAt = clock.instant();
		});
		publicChanged(saved);
		return saved;
	}

	// ---- feedback and closing ----------------------------------------------------------------------------

	/** Staff enter the proposers' opinion of the handling from their returned form (征询意见表). */
	public Motion recordFeedback(long id, MotionFeedback feedback, String note, LocalDate receivedOn) {
		Motion m = lock(id);
		Actor actor = Actors.require();
		if (!access.allows(actor, m.leadUnit(), UNIT_STAFF) && !access.allows(actor, m.leadUnit(), Role.SUPERVISOR)) {
			throw DomainException.forbidden("您没有登记该件提出人意见的权限");
		}
		if (m.status() != MotionStatus.REPLIED) {
			throw new DomainException("答复后、办结前才能登记提出人意见");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (feedback == null) {
			problems.add(new FieldProblem("feedback", "请选择提出人的意见：满意、基本满意或不满意"));
		}
		String text = Texts.trimToNull(note);
		if (text != null && text.length() > 1000) {
			problems.add(new FieldProblem("note", "说明不超过1000字"));
		}
		if (feedback == MotionFeedback.UNSATISFIED && text == null) {
			problems.add(new FieldProblem("note", "不满意的，请填写提出人不满意的具体意见"));
		}
		problems.addAll(pastDate("feedbackOn", receivedOn, "收到意见之日", m.repliedOn()));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return step(m, actor, "feedback", feedback.label() + (text != null ? "：" + text : ""), b -> {
			b.feedback = feedback;
			b.feedbackNote = text;
			b.feedbackOn = receivedOn;
		});
	}

	/** After an unsatisfied feedback the dispatcher may have the motion handled once more, with a new deadline. */
	public Motion rehandle(long id, LocalDate dueOn, String reason) {
		Motion m = lock(id);
		Actor actor = requireDispatcher(m.leadUnit(), "只有交办单位可以决定重新办理");
		if (m.status() != MotionStatus.REPLIED || m.feedback() != MotionFeedback.UNSATISFIED) {
			throw new DomainException("提出人对答复不满意的，才能重新办理");
		}
		if (m.round() > 1) {
			throw new DomainException("不满意的建议提案只能重新办理一次，本件已重新办理过");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "请填写重新办理的答复期限"));
		}
		else if (!dueOn.isAfter(today())) {
			problems.add(new FieldProblem("dueOn", "重新办理的答复期限应晚于今天"));
		}
		String why = Texts.trimToNull(reason);
		if (why != null && why.length() > 1000) {
			problems.add(new FieldProblem("reason", "说明不超过1000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return step(m, actor, "rehandle", "提出人不满意，重新办理，答复期限 " + dueOn + (why != null ? "。" + why : ""), b -> {
			b.status = MotionStatus.REHANDLING;
			b.round = m.round() + 1;
			b.dueOn = dueOn;
			b.dueRule = "不满意后重新办理的答复期限";
			b.missedDueOn = null;
			b.rehandledOn = today();
			b.rehandleReason = why != null ? why : m.feedbackNote();
			b.feedback = null;
			b.feedbackNote = null;
			b.feedbackOn = null;
		});
	}

	/** The dispatcher closes a replied motion (办结). */
	public Motion close(long id) {
		Motion m = lock(id);
		Actor actor = requireDispatcher(m.leadUnit(), "只有交办单位可以办结建议提案");
		if (m.status() != MotionStatus.REPLIED) {
			throw new DomainException("“" + m.status().label() + "”的建议提案不能办结：答复提出人后才能办结");
		}
		LocalDate today = today();
		String note = m.feedback() == null ? "办结（未收到提出人意见）" : "办结，提出人意见：" + m.feedback().label();
		return step(m, actor, "closed", note, b -> {
			b.status = MotionStatus.CLOSED;
			b.closedOn = today;
		});
	}

	// ---- the calendar ------------------------------------------------------------------------------------

	/** A holiday notice was loaded: publication limits counted provisionally are counted again. */
	public void recountProvisional() {
		for (long id : motions.provisionalPublishDue()) {
			Motion m = lock(id);
			if (m.repliedOn() == null) {
				continue;
			}
			DueDate due = calendar.addWorkingDaysProvisionally(m.repliedOn(), arrangement(m.year()).publishDays());
			if (due.date().equals(m.publishDueOn()) && due.provisional() == m.publishDueProvisional()) {
				continue;
			}
			save(m, b -> {
				b.publishDueOn = due.date();
				b.publishDueProvisional = due.provisional();
				if (m.isPublic() && m.publishedOn() != null && m.publishedRound() != null && m.publishedRound() == m.round()) {
					b.publicationLate = m.publishedOn().isAfter(due.date());
				}
			});
			motions.addEvent(id, clock.instant(), "system", "recounted", "节假日安排已公布，公开期限重新计算为 " + due.date());
		}
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	private Set<Long> coUnitProblems(List<Long> coUnits, Long leadUnit, List<FieldProblem> problems) {
		Set<Long> out = new LinkedHashSet<>();
		if (coUnits == null) {
			return out;
		}
		for (Long unit : coUnits) {
			if (unit == null) {
				continue;
			}
			if (unit.equals(leadUnit)) {
				problems.add(new FieldProblem("coUnits", "主办单位不能同时是协办单位"));
				continue;
			}
			if (agencies.findById(unit).filter(Agency::active).isEmpty()) {
				problems.add(new FieldProblem("coUnits", "协办单位不存在或已撤销"));
				continue;
			}
			out.add(unit);
		}
		if (out.size() > 20) {
			problems.add(new FieldProblem("coUnits", "协办单位不超过20个"));
		}
		return out;
	}

	private String coUnitNames(Set<Long> coUnits) {
		if (coUnits.isEmpty()) {
			return "";
		}
		return "，" + String.join("、", coUnits.stream().map(u -> agencies.requireById(u).name()).toList()) + "协办";
	}

	private List<FieldProblem> pastDate(String field, LocalDate date, String label, LocalDate notBefore) {
		if (date == null) {
			return List.of(new FieldProblem(field, "请填写" + label));
		}
		if (date.isAfter(today())) {
			return List.of(new FieldProblem(field, label + "不能晚于今天"));
		}
		if (notBefore != null && date.isBefore(notBefore)) {
			return List.of(new FieldProblem(field, label + "不能早于 " + notBefore));
		}
		return List.of();
	}

	private Motion lock(long id) {
		return motions.lock(id).orElseThrow(() -> DomainException.notFound("该建议提案不存在"));
	}

	private Motion step(Motion m, Actor actor, String action, String note, Consumer<Draft> change) {
		Motion saved = save(m, change);
		motions.addEvent(m.id(), clock.instant(), actor.username(), action, note);
		audit(actor, saved, action, m);
		return saved;
	}

	private Motion save(Motion m, Consumer<Draft> change) {
		Draft d = new Draft(m);
		change.accept(d);
		d.version = m.version() + 1;
		d.updatedAt = clock.instant();
		motions.update(d.build(), m.version());
		return motions.find(m.id()).orElseThrow();
	}

	private void publicChanged(Motion m) {
		events.publishEvent(new PublicMotionChanged(m.id(), m.leadUnit(), m.isPublic()));
		events.publishEvent(new PublicPagesChanged(m.leadUnit()));
	}

	private void audit(Actor actor, Motion m, String action, Motion before) {
		String summary = STEP_LABELS.getOrDefault(action, action) + "：" + m.year() + "年" + m.numberLabel() + "《" + m.title() + "》";
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), m.leadUnit(), "motion." + action, "Motion", m.id(), summary,
				before == null ? null : before.status().label(), m.status().label()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	/** A mutable copy of a motion, for building the changed version of the immutable record. */
	private static final class Draft {

		final Motion m;

		long leadUnit;

		LocalDate explicitDueOn;

		LocalDate dueOn;

		String dueRule;

		MotionStatus status;

		int round;

		MotionCategory replyCategory;

		String replyContent;

		LocalDate repliedOn;

		Boolean replyLate;

		String repliedBy;

		LocalDate firstRepliedOn;

		Boolean firstReplyLate;

		LocalDate publishDueOn;

		boolean publishDueProvisional;

		MotionPublication publication;

		String publicationReason;

		String publicationSummary;

		String publishedText;

		LocalDate publishedOn;

		Instant publishedAt;

		Integer publishedRound;

		Boolean publicationLate;

		String publicationBy;

		boolean isPublic;

		String withdrawnReason;

		Instant withdrawnAt;

		MotionFeedback feedback;

		String feedbackNote;

		LocalDate feedbackOn;

		String rehandleReason;

		LocalDate closedOn;

		LocalDate missedDueOn;

		LocalDate rehandledOn;

		int version;

		Instant updatedAt;

		Draft(Motion m) {
			this.m = m;
			leadUnit = m.leadUnit();
			explicitDueOn = m.explicitDueOn();
			dueOn = m.dueOn();
			dueRule = m.dueRule();
			status = m.status();
			round = m.round();
			replyCategory = m.replyCategory();
			replyContent = m.replyContent();
			repliedOn = m.repliedOn();
			replyLate = m.replyLate();
			repliedBy = m.repliedBy();
			firstRepliedOn = m.firstRepliedOn();
			firstReplyLate = m.firstReplyLate();
			publishDueOn = m.publishDueOn();
			publishDueProvisional = m.publishDueProvisional();
			publication = m.publication();
			publicationReason = m.publicationReason();
			publicationSummary = m.publicationSummary();
			publishedText = m.publishedText();
			publishedOn = m.publishedOn();
			publishedAt = m.publishedAt();
			publishedRound = m.publishedRound();
			publicationLate = m.publicationLate();
			publicationBy = m.publicationBy();
			isPublic = m.isPublic();
			withdrawnReason = m.withdrawnReason();
			withdrawnAt = m.withdrawnAt();
			feedback = m.feedback();
			feedbackNote = m.feedbackNote();
			feedbackOn = m.feedbackOn();
			rehandleReason = m.rehandleReason();
			closedOn = m.closedOn();
			missedDueOn = m.missedDueOn();
			rehandledOn = m.rehandledOn();
			version = m.version();
			updatedAt = m.updatedAt();
		}

		Motion build() {
			return new Motion(m.id(), m.year(), m.kind(), m.number(), m.sessionLabel(), m.title(), m.content(), m.proposers(),
					m.proposerContact(), leadUnit, m.assignedOn(), explicitDueOn, dueOn, dueRule, status, round, replyCategory,
					replyContent, repliedOn, replyLate, repliedBy, firstRepliedOn, firstReplyLate, publishDueOn,
					publishDueProvisional, publication, publicationReason, publicationSummary, publishedText, publishedOn,
					publishedAt, publishedRound, publicationLate, publicationBy, isPublic, withdrawnReason, withdrawnAt,
					feedback, feedbackNote, feedbackOn, rehandleReason, closedOn, missedDueOn, rehandledOn, version, m.createdBy(), m.createdAt(),
					updatedAt);
		}
	}
}
