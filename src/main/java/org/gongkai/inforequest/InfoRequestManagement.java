package org.gongkai.inforequest;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
import org.gongkai.platform.ResidentIds;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory procedure of a request, one intention-named step at a time: each checks the actor's role for
 * the request's agency and the request's state, validates before it writes, recomputes the due date through
 * {@link RequestClock}, and records the step in the request's history and the audit trail.
 */
@Service
@Transactional
public class InfoRequestManagement {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The token scope that lets another system register applications (identity's TokenScope.REQUESTS). */
	static final String REQUESTS_SCOPE = "requests";

	private final InfoRequests requests;

	private final RequestSettings settings;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final RequestClock requestClock;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RequestFiles files;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	InfoRequestManagement(InfoRequests requests, RequestSettings settings, AgencyDirectory agencies, AgencyAccess access,
			WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock, RequestFiles files,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.files = files;
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.requests = requests;
		this.settings = settings;
		this.agencies = agencies;
		this.access = access;
		this.requestClock = new RequestClock(calendar);
		this.events = events;
		this.clock = clock;
	}

	// ---- receiving ------------------------------------------------------------------------------------

	/**
	 * An application made online by the applicant: saved at once with its tracking code, received (Art. 31) on the
	 * day the disclosure work body confirms it.
	 */
	public InfoRequest applyOnline(String agencyCode, Application application) {
		return applyOnline(agencyCode, application, null, null);
	}

	/** As {@link #applyOnline(String, Application)}, with the identity proof the applicant uploaded (PDF or image). */
	public InfoRequest applyOnline(String agencyCode, Application application, String proofName, byte[] proof) {
		Agency agency = receivingAgency(agencyCode);
		if (proof != null && proof.length > 0) {
			RequestFiles.verify(proofName, proof);
		}
		List<FieldProblem> problems = validate(application, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		InfoRequest r = build(agency, application, SubmissionChannel.ONLINE, false, null, RequestStatus.AWAITING_CONFIRMATION,
				"applicant", now);
		long id = requests.insert(r);
		requests.addEvent(id, now, "applicant", "applied", "网上提交申请，待政府信息公开工作机构确认收到", true);
		if (proof != null && proof.length > 0) {
			files.attachFromApplicant(requests.find(id).orElseThrow(), proofName, proof);
		}
		audit(Actor.system(), agency.id(), id, "inforequest.applied", "收到网上申请（" + r.trackingCode() + "）");
		return requests.find(id).orElseThrow();
	}

	/**
	 * Staff record an application received in person, by post or fax, or orally (代为填写). {@code receivedOn} is the
	 * Art. 31 receipt date: the day of submission or signature, or for an ordinary letter or fax the confirmation day.
	 */
	public InfoRequest enter(long agencyId, SubmissionChannel channel, LocalDate receivedOn, Application application) {
		// staff of the agency, or the agency's integration token with the requests scope (a hotline platform)
		Actor actor = Actors.require().token() ? CaseAccess.requireToken(agencyId, REQUESTS_SCOPE)
				: CaseAccess.require(agencyId, Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		Agency agency = receivingAgency(agencies.requireById(agencyId).code());
		List<FieldProblem> problems = validate(application, false);
		if (channel == null) {
			problems.add(new FieldProblem("channel", "请选择申请渠道"));
		}
		else if (channel == SubmissionChannel.ONLINE) {
			problems.add(new FieldProblem("channel", "网上申请由申请人在网站提交，工作人员在此确认收到即可"));
		}
		problems.addAll(dateProblems("receivedOn", receivedOn, "收到申请之日"));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		InfoRequest r = build(agency, application, channel, channel == SubmissionChannel.ORAL, receivedOn,
				RequestStatus.IN_PROGRESS, actor.username(), now);
		long id = requests.insert(r);
		InfoRequest saved = recompute(requests.lock(id).orElseThrow());
		requests.addEvent(id, now, actor.username(), "received", channel.label() + "，" + receivedOn + " 收到申请", true);
		audit(actor, agencyId, id, "inforequest.entered", "登记" + channel.label() + "（" + saved.trackingCode() + "）");
		return saved;
	}

	/** Art. 31: the day both sides confirm an online application is its receipt date; the clock starts the next day. */
	public InfoRequest confirmReceipt(long id, LocalDate confirmedOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireStatus(r, RequestStatus.AWAITING_CONFIRMATION, "确认收到");
		List<FieldProblem> problems = dateProblems("receivedOn", confirmedOn, "确认收到之日");
		if (confirmedOn != null && confirmedOn.isBefore(r.submittedAt().atZone(Zones.CHINA).toLocalDate())) {
			problems.add(new FieldProblem("receivedOn", "确认收到之日不能早于申请提交之日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return step(r, actor, "confirmed", "确认收到申请，收到申请之日为 " + confirmedOn, true, b -> {
			b.receivedOn = confirmedOn;
			b.status = RequestStatus.IN_PROGRESS;
		});
	}

	public InfoRequest assign(long id, String handler) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireOpen(r);
		String h = Texts.trimToNull(handler);
		if (h == null || h.length() > 100) {
			throw InvalidInputException.of("handler", "请填写承办人账号（不超过100个字符）");
		}
		return step(r, actor, "assigned", "交由 " + h + " 承办", false, b -> b.handler = h);
	}

	public InfoRequest addNote(long id, String note) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN, Role.APPROVER);
		String n = Texts.trimToNull(note);
		if (n == null || n.length() > 2000) {
			throw InvalidInputException.of("note", "请填写办理记录（不超过2000字）");
		}
		requests.addEvent(id, clock.instant(), actor.username(), "note", n, false);
		audit(actor, r.agencyId(), id, "inforequest.note", RequestSteps.label("note") + "（" + r.trackingCode() + "）");
		return r;
	}

	// ---- correction (Art. 30) ---------------------------------------------------------------------------

	/**
	 * The one correction request: within 7 working days of receipt, naming every item to correct and a reasonable
	 * period. The reply clock stops until the corrected application is received.
	 */
	public InfoRequest requestCorrection(long id, LocalDate requestedOn, List<String> items, Integer periodDays) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		if (r.correctionAsked()) {
			throw new DomainException("补正只能一次性告知（条例第三十条），本申请已于 " + r.correctionRequestedOn() + " 告知过补正");
		}
		requireStatus(r, RequestStatus.IN_PROGRESS, "要求补正");
		List<FieldProblem> problems = dateProblems("requestedOn", requestedOn, "告知补正之日");
		LocalDate latest = requestClock.correctionNoticeBy(r.receivedOn()).date();
		if (requestedOn != null && requestedOn.isBefore(r.receivedOn())) {
			problems.add(new FieldProblem("requestedOn", "告知补正之日不能早于收到申请之日"));
		}
		List<String> cleaned = items == null ? List.of()
				: items.stream().map(Texts::trimToNull).filter(java.util.Objects::nonNull).toList();
		if (cleaned.isEmpty()) {
			problems.add(new FieldProblem("items", "请逐项写明需要补正的事项（一次性告知）"));
		}
		if (String.join("\n", cleaned).length() > 5000) {
			problems.add(new FieldProblem("items", "补正事项不能超过5000字"));
		}
		int period = periodDays == null ? RequestRules.DEFAULT_CORRECTION_PERIOD_WORKING_DAYS : periodDays;
		if (period < 1 || period > 60) {
			problems.add(new FieldProblem("periodDays", "补正期限应为1至60个工作日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (requestedOn.isAfter(latest)) {
			throw new DomainException("补正应当自收到申请之日起7个工作日内一次性告知（条例第三十条），本申请最迟应于 " + latest + " 告知，已不能再要求补正");
		}
		LocalDate dueBy = requestClock.addWorkingDays(requestedOn, period).date();
		return step(r, actor, "correction-requested", "一次性告知补正，补正期限至 " + dueBy + "：" + String.join("；", cleaned), true, b -> {
			b.correctionRequestedOn = requestedOn;
			b.correctionItems = String.join("\n", cleaned);
			b.correctionPeriodDays = period;
			b.correctionDueOn = dueBy;
			b.status = RequestStatus.AWAITING_CORRECTION;
		});
	}

	/** The corrected application arrived: the reply clock restarts from this day (Art. 30). */
	public InfoRequest correctionReceived(long id, LocalDate receivedOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireStatus(r, RequestStatus.AWAITING_CORRECTION, "登记补正");
		List<FieldProblem> problems = dateProblems("receivedOn", receivedOn, "收到补正之日");
		if (receivedOn != null && receivedOn.isBefore(r.correctionRequestedOn())) {
			problems.add(new FieldProblem("receivedOn", "收到补正之日不能早于告知补正之日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (receivedOn.isAfter(r.correctionDueOn())) {
			throw new DomainException("补正期限已于 " + r.correctionDueOn() + " 届满；申请人无正当理由逾期不补正的，视为放弃申请");
		}
		return step(r, actor, "corrected", "收到补正后的申请（" + receivedOn + "），答复期限重新计算", true, b -> {
			b.correctionReceivedOn = receivedOn;
			b.status = RequestStatus.IN_PROGRESS;
		});
	}

	// ---- consultations (Arts. 32–34) --------------------------------------------------------------------

	public Consultation consult(long id, Consultation.Kind kind, String party, LocalDate sentOn) {
		return consult(id, kind, party, sentOn, null);
	}

	/** As above, with the day the consulted party received the request (the 15 working days run from it). */
	public Consultation consult(long id, Consultation.Kind kind, String party, LocalDate sentOn, LocalDate receivedOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireStatus(r, RequestStatus.IN_PROGRESS, "征求意见");
		List<FieldProblem> problems = dateProblems("sentOn", sentOn, "书面征求意见之日");
		if (kind == null) {
			problems.add(new FieldProblem("kind", "请选择征求第三方意见或征求其他机关意见"));
		}
		String p = Texts.trimToNull(party);
		if (p == null || p.length() > 300) {
			problems.add(new FieldProblem("party", "请填写被征求意见的第三方或机关（不超过300字）"));
		}
		if (sentOn != null && sentOn.isBefore(r.clockStart())) {
			problems.add(new FieldProblem("sentOn", "征求意见之日不能早于收到申请之日"));
		}
		if (sentOn != null && r.dueOn() != null && sentOn.isAfter(r.dueOn())) {
			problems.add(new FieldProblem("sentOn", "答复期限已于 " + r.dueOn() + " 届满，届满后征求意见不能再暂停答复期限"));
		}
		LocalDate received = receivedOn == null ? sentOn : receivedOn;
		if (receivedOn != null && sentOn != null && (receivedOn.isBefore(sentOn) || receivedOn.isAfter(today()))) {
			problems.add(new FieldProblem("receivedOn", "被征求意见方收到之日应在发出之日和今天之间"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (r.customDueOn() != null) {
			throw new DomainException("已依条例第三十五条另行确定答复期限（" + r.customDueOn() + "），征求意见不再暂停该期限");
		}
		// Arts. 32 and 34: the 15 working days run from the day the consulted party received the request
		LocalDate answerDue = requestClock.addWorkingDays(received, RequestRules.CONSULTATION_WORKING_DAYS).date();
		long cid = requests.insertConsultation(new Consultation(0, id, kind, p, sentOn, answerDue, null, null, null, null, null,
				actor.username(), clock.instant()));
		// the applicant learns that the clock is paused; who was consulted stays with the staff (a third party's identity)
		requests.addEvent(id, clock.instant(), actor.username(), "consulted-party", kind.label() + "：" + p, false);
		step(r, actor, "consulted", kind.label() + "（" + sentOn + "，应于 " + answerDue + " 前答复；期间不计入答复期限）", true,
				b -> {
				});
		return requests.consultations(id).stream().filter(c -> c.id() == cid).findFirst().orElseThrow();
	}

	/** The answer of a consultation, or its silence once the 15 working days have passed. */
	public Consultation recordAnswer(long id, long consultationId, Consultation.Answer answer, LocalDate answeredOn,
			String note) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireOpen(r);
		Consultation c = consultation(id, consultationId);
		if (c.answer() != null) {
			throw new DomainException("该征求意见已登记答复");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (answer == null) {
			problems.add(new FieldProblem("answer", "请选择答复意见"));
		}
		LocalDate today = today();
		LocalDate on = answer == Consultation.Answer.NO_ANSWER ? c.answerDueOn() : answeredOn;
		if (answer == Consultation.Answer.NO_ANSWER && !today.isAfter(c.answerDueOn())) {
			problems.add(new FieldProblem("answer", "答复期限至 " + c.answerDueOn() + "，届满后才能登记逾期未答复"));
		}
		if (answer != Consultation.Answer.NO_ANSWER) {
			problems.addAll(dateProblems("answeredOn", answeredOn, "收到答复之日"));
			if (answeredOn != null && answeredOn.isBefore(c.sentOn())) {
				problems.add(new FieldProblem("answeredOn", "收到答复之日不能早于征求意见之日"));
			}
		}
		String n = Texts.trimToNull(note);
		if (n != null && n.length() > 2000) {
			problems.add(new FieldProblem("note", "意见摘要不能超过2000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Consultation answered = new Consultation(c.id(), c.requestId(), c.kind(), c.party(), c.sentOn(), c.answerDueOn(), on,
				answer, n, null, null, c.createdBy(), c.createdAt());
		requests.updateConsultation(answered);
		String silence = c.kind() == Consultation.Kind.AGENCY ? "（条例第三十四条：逾期未提出意见的视为同意公开）"
				: "（条例第三十二条：逾期未提出意见的，由行政机关依照条例决定）";
		step(r, actor, "consultation-answered", c.party() + "：" + answer.label()
				+ (answer == Consultation.Answer.NO_ANSWER ? silence : "") + (n == null ? "" : "，" + n), false, b -> {
				});
		return consultation(id, consultationId);
	}

	/**
	 * Art. 32: the agency may still disclose over a third party's objection for a major public interest; it records
	 * the reasons and the day it told the third party in writing. Decided by the approving leader.
	 */
	public Consultation overrideObjection(long id, long consultationId, String reason, LocalDate noticeOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.APPROVER);
		requireOpen(r);
		Consultation c = consultation(id, consultationId);
		if (c.kind() != Consultation.Kind.THIRD_PARTY || c.answer() != Consultation.Answer.OBJECTION) {
			throw new DomainException("只有第三方不同意公开时才需要记录公共利益决定");
		}
		List<FieldProblem> problems = dateProblems("noticeOn", noticeOn, "书面告知第三方之日");
		if (noticeOn != null && c.answeredOn() != null && noticeOn.isBefore(c.answeredOn())) {
			problems.add(new FieldProblem("noticeOn", "书面告知第三方之日不能早于收到其意见之日"));
		}
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 2000) {
			problems.add(new FieldProblem("reason", "请写明不公开可能对公共利益造成重大影响的理由（不超过2000字）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requests.updateConsultation(new Consultation(c.id(), c.requestId(), c.kind(), c.party(), c.sentOn(), c.answerDueOn(),
				c.answeredOn(), c.answer(), c.answerNote(), why, noticeOn, c.createdBy(), c.createdAt()));
		step(r, actor, "objection-overridden", "决定予以公开并书面告知第三方（" + noticeOn + "）：" + why, false, b -> {
		});
		return consultation(id, consultationId);
	}

	// ---- extension and the Art. 35 deadline -------------------------------------------------------------

	/**
	 * Art. 33 ¶2: an extension approved by the head of the disclosure work body (the approving role), told to the
	 * applicant, at most 20 working days in total.
	 */
	public InfoRequest extend(long id, Integer days, String reason, LocalDate approvedOn, LocalDate noticeOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.APPROVER);
		requireStatus(r, RequestStatus.IN_PROGRESS, "延期答复");
		List<FieldProblem> problems = new ArrayList<>();
		if (days == null || days < 1 || days > RequestRules.MAX_EXTENSION_WORKING_DAYS) {
			problems.add(new FieldProblem("days", "请填写延长的工作日数（1至20）"));
		}
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 1000) {
			problems.add(new FieldProblem("reason", "请写明延期理由（不超过1000字）"));
		}
		problems.addAll(dateProblems("approvedOn", approvedOn, "批准之日"));
		if (approvedOn != null && approvedOn.isBefore(r.clockStart())) {
			problems.add(new FieldProblem("approvedOn", "批准之日不能早于收到申请之日"));
		}
		if (noticeOn == null) {
			problems.add(new FieldProblem("noticeOn", "延期须告知申请人：请填写告知申请人之日"));
		}
		else {
			problems.addAll(dateProblems("noticeOn", noticeOn, "告知申请人之日"));
			if (approvedOn != null && noticeOn.isBefore(approvedOn)) {
				problems.add(new FieldProblem("noticeOn", "告知申请人之日不能早于批准之日"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (r.customDueOn() != null) {
			throw new DomainException("已依条例第三十五条另行确定答复期限（" + r.customDueOn() + "），不能再延期");
		}
		int total = r.extensionDays() + days;
		if (total > RequestRules.MAX_EXTENSION_WORKING_DAYS) {
			throw new DomainException("延长答复的期限最长不得超过20个工作日（条例第三十三条），本申请已延长 " + r.extensionDays()
					+ " 个工作日，最多还能延长 " + (RequestRules.MAX_EXTENSION_WORKING_DAYS - r.extensionDays()) + " 个工作日");
		}
		if (r.dueOn() != null && approvedOn.isAfter(r.dueOn())) {
			throw new DomainException("答复期限已于 " + r.dueOn() + " 届满，届满后不能再批准延期");
		}
		return step(r, actor, "extended", "经政府信息公开工作机构负责人批准延长 " + days + " 个工作日（" + approvedOn + "），已于 " + noticeOn
				+ " 告知申请人：" + why, true, b -> {
					b.extensionDays = total;
					b.extensionReason = why; // each reason stays in the history; the latest is the one told
					b.extensionApprovedBy = actor.username();
					b.extensionApprovedOn = approvedOn;
					b.extensionNoticeOn = noticeOn;
				});
	}

	/**
	 * Art. 35: for applications clearly beyond a reasonable number or frequency whose reasons are reasonable but
	 * cannot be answered in time, a reasonable later deadline is set and told to the applicant.
	 */
	public InfoRequest setDeadline(long id, LocalDate dueOn, String reason, LocalDate noticeOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.APPROVER);
		requireStatus(r, RequestStatus.IN_PROGRESS, "另行确定答复期限");
		List<FieldProblem> problems = new ArrayList<>();
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 1000) {
			problems.add(new FieldProblem("reason", "请写明申请数量、频次明显超过合理范围及另行确定期限的理由（不超过1000字）"));
		}
		if (dueOn == null || (r.dueOn() != null && !dueOn.isAfter(r.dueOn())) || dueOn.isAfter(today().plusYears(1))) {
			problems.add(new FieldProblem("dueOn", "另行确定的答复期限应晚于原答复期限，且在一年以内"));
		}
		if (noticeOn == null) {
			problems.add(new FieldProblem("noticeOn", "另行确定的答复期限须告知申请人：请填写告知之日"));
		}
		else {
			problems.addAll(dateProblems("noticeOn", noticeOn, "告知申请人之日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (r.customDueOn() != null) {
			throw new DomainException("本申请已另行确定答复期限（" + r.customDueOn() + "）");
		}
		if (r.dueOn() != null && today().isAfter(r.dueOn())) {
			throw new DomainException("答复期限已于 " + r.dueOn() + " 届满，届满后不能再另行确定答复期限");
		}
		return step(r, actor, "deadline-set", "依条例第三十五条另行确定答复期限为 " + dueOn + "，已于 " + noticeOn + " 告知申请人：" + why, true,
				b -> {
					b.customDueOn = dueOn;
					b.customDueReason = why;
					b.customDueNoticeOn = noticeOn;
				});
	}

	// ---- fees (国办函〔2020〕109号) --------------------------------------------------------------------

	/**
	 * A fee notice by one method: per application by the applicant's count this calendar month, or per volume by
	 * pages. Nothing is charged within the free thresholds; the applicant has the agency's payment period.
	 */
	public InfoRequest issueFeeNotice(long id, FeeMethod method, Integer pages, LocalDate noticeOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireStatus(r, RequestStatus.IN_PROGRESS, "发出收费通知");
		if (r.feeMethod() != null) {
			throw new DomainException("本申请已按“" + r.feeMethod().label() + "”发出过收费通知，不得重复计收（109号第三条）");
		}
		List<FieldProblem> problems = dateProblems("noticeOn", noticeOn, "发出收费通知之日");
		if (noticeOn != null && noticeOn.isBefore(r.clockStart())) {
			problems.add(new FieldProblem("noticeOn", "收费通知之日不能早于收到申请之日"));
		}
		if (method == null) {
			problems.add(new FieldProblem("method", "请选择按件计收或按量计收（两者只能选择其一）"));
		}
		if (method == FeeMethod.PER_VOLUME && (pages == null || pages < 1 || pages > 1_000_000)) {
			problems.add(new FieldProblem("pages", "按量计收请填写页数"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int quantity = method == FeeMethod.PER_APPLICATION ? requests.countThisMonth(r.agencyId(), r.idNumber(), r.receivedOn(), r.id())
				: pages;
		BigDecimal amount = method == FeeMethod.PER_APPLICATION ? FeeCalculator.perApplication(quantity)
				: FeeCalculator.perVolume(quantity);
		if (amount.signum() == 0) {
			throw new DomainException(method == FeeMethod.PER_APPLICATION
					? "该申请人本月第 " + quantity + " 件申请，未超过每月10件的免费范围，不得收费"
					: quantity + " 页未超过30页的免费范围，不得收费");
		}
		LocalDate payBy = requestClock.addWorkingDays(noticeOn, settings.of(r.agencyId()).feePaymentDays()).date();
		return step(r, actor, "fee-notice", "发出收费通知（" + method.label() + "，" + (method == FeeMethod.PER_APPLICATION ? "本月第 "
				+ quantity + " 件" : quantity + " 页") + "，" + amount.toPlainString() + " 元），缴费期限至 " + payBy, true, b -> {
					b.feeMethod = method;
					b.feeQuantity = quantity;
					b.feeAmount = amount;
					b.feeNoticeOn = noticeOn;
					b.feePayBy = payBy;
					b.status = RequestStatus.AWAITING_PAYMENT;
				});
	}

	public InfoRequest feePaid(long id, LocalDate paidOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireStatus(r, RequestStatus.AWAITING_PAYMENT, "登记缴费");
		List<FieldProblem> problems = dateProblems("paidOn", paidOn, "缴费之日");
		if (paidOn != null && paidOn.isBefore(r.feeNoticeOn())) {
			problems.add(new FieldProblem("paidOn", "缴费之日不能早于收费通知之日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (paidOn.isAfter(r.feePayBy())) {
			throw new DomainException("缴费期限已于 " + r.feePayBy() + " 届满");
		}
		return step(r, actor, "fee-paid", "申请人已缴纳信息处理费 " + r.feeAmount().toPlainString() + " 元（" + paidOn + "）", true, b -> {
			b.feePaidOn = paidOn;
			b.status = RequestStatus.IN_PROGRESS;
		});
	}

	// ---- reply and closing --------------------------------------------------------------------------------

	/** The reply: a typed outcome that is one annual-report row, with its basis and — where the law asks — reasons. */
	public record Reply(Outcome outcome, LocalDate repliedOn, String basis, String reason, String content,
			String responsibleAgency, ObtainMethod deliveryChannel) {
	}

	public InfoRequest reply(long id, Reply reply) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireStatus(r, RequestStatus.IN_PROGRESS, "答复");
		List<FieldProblem> problems = new ArrayList<>();
		Outcome outcome = reply == null ? null : reply.outcome();
		if (outcome == null) {
			problems.add(new FieldProblem("outcome", "请选择答复类型（对应年度报告的一行）"));
		}
		else if (outcome == Outcome.R6_1 || outcome == Outcome.R6_2) {
			problems.add(new FieldProblem("outcome", "逾期不补正、逾期不缴费的申请由平台在期限届满后自动终止"));
		}
		LocalDate on = reply == null ? null : reply.repliedOn();
		problems.addAll(dateProblems("repliedOn", on, "答复之日"));
		if (on != null && r.clockStart() != null && on.isBefore(r.clockStart())) {
			problems.add(new FieldProblem("repliedOn", "答复之日不能早于收到申请之日"));
		}
		String basis = reply == null ? null : Texts.trimToNull(reply.basis());
		String reason = reply == null ? null : Texts.trimToNull(reply.reason());
		String content = reply == null ? null : Texts.trimToNull(reply.content());
		String responsible = reply == null ? null : Texts.trimToNull(reply.responsibleAgency());
		if (outcome == Outcome.R4_3 && r.correctionReceivedOn() == null) {
			problems.add(new FieldProblem("outcome", "“补正后申请内容仍不明确”只适用于已告知补正并收到补正的申请"));
		}
		if (outcome != null && outcome.needsReason() && reason == null) {
			problems.add(new FieldProblem("reason", "“" + outcome.label() + "”须说明理由"));
		}
		if (basis != null && basis.length() > 1000) {
			problems.add(new FieldProblem("basis", "依据不能超过1000字"));
		}
		if (responsible != null && responsible.length() > 300) {
			problems.add(new FieldProblem("responsibleAgency", "负责公开的机关名称和联系方式不能超过300字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (outcome.discloses()) {
			for (Consultation c : requests.consultations(id)) {
				if (c.blocksDisclosure()) {
					throw new DomainException("第三方“" + c.party() + "”不同意公开且理由合理的，不得公开（条例第三十二条）；"
							+ "如因公共利益确需公开，须先由负责人记录理由并书面告知第三方");
				}
			}
		}
		for (Consultation c : requests.consultations(id)) {
			if (c.isOpen(on)) {
				throw new DomainException("征求“" + c.party() + "”意见的期限至 " + c.answerDueOn() + "，尚未收到答复；请先登记答复或待期限届满");
			}
		}
		return close(r, actor, outcome, on, "replied", "答复：" + outcome.label(), b -> {
			b.status = RequestStatus.REPLIED;
			b.replyBasis = basis == null ? outcome.basis() : basis;
			b.replyReason = reason;
			b.replyContent = content;
			b.responsibleAgency = responsible;
			b.reconsiderationNotice = outcome.withholds() ? RequestRules.RECONSIDERATION_NOTICE : null;
			b.deliveryChannel = reply.deliveryChannel() == null ? r.obtainMethod() : reply.deliveryChannel();
		});
	}

	/** How and when the reply reached the applicant. */
	public InfoRequest recordDelivery(long id, ObtainMethod channel, LocalDate deliveredOn) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		if (r.status() != RequestStatus.REPLIED) {
			throw new DomainException("答复后才能登记送达");
		}
		List<FieldProblem> problems = dateProblems("deliveredOn", deliveredOn, "送达之日");
		if (channel == null) {
			problems.add(new FieldProblem("channel", "请选择送达方式"));
		}
		if (deliveredOn != null && deliveredOn.isBefore(r.repliedOn())) {
			problems.add(new FieldProblem("deliveredOn", "送达之日不能早于答复之日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return step(r, actor, "delivered", "答复已" + channel.label() + "送达（" + deliveredOn + "）", true, b -> {
			b.deliveryChannel = channel;
			b.deliveredOn = deliveredOn;
		});
	}

	/** The applicant withdraws the application (其他处理-3). */
	public InfoRequest withdrawByApplicant(long id, LocalDate on, String note) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		requireOpen(r);
		List<FieldProblem> problems = dateProblems("withdrawnOn", on, "撤回申请之日");
		if (on != null && r.receivedOn() != null && on.isBefore(r.receivedOn())) {
			problems.add(new FieldProblem("withdrawnOn", "撤回申请之日不能早于收到申请之日"));
		}
		String n = Texts.trimToNull(note);
		if (n == null || n.length() > 1000) {
			problems.add(new FieldProblem("note", "请写明申请人撤回申请的方式和说明（不超过1000字）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return close(r, actor, Outcome.R6_3, on, "withdrawn", "申请人撤回申请：" + n, b -> {
			b.status = RequestStatus.CLOSED;
			b.replyReason = "申请人撤回申请：" + n;
		});
	}

	/**
	 * The daily sweep (as the system): a correction period that ran out closes the request as 其他处理-1 (Art. 30),
	 * an unpaid fee notice as 其他处理-2 (109号), and the first day a request is past its due date is recorded.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public int sweep() {
		int changed = 0;
		for (long id : requests.openIds()) {
			try {
				// one transaction per request: a failure leaves the others swept
				Boolean done = transactions.execute(status -> sweepOne(id));
				changed += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException e) {
				org.slf4j.LoggerFactory.getLogger(InfoRequestManagement.class).warn("Sweep of request {} failed", id, e);
			}
		}
		return changed;
	}

	/** After a year's holiday notice is loaded: the due dates counted provisionally into it are counted again. */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public void recountProvisional() {
		for (long id : requests.provisionalIds()) {
			try {
				recountOne(id);
			}
			catch (RuntimeException e) {
				org.slf4j.LoggerFactory.getLogger(InfoRequestManagement.class).warn("Recount of request {} failed", id, e);
			}
		}
	}

	private void recountOne(long id) {
		{
			transactions.executeWithoutResult(status -> {
				InfoRequest r = requests.lock(id).orElseThrow();
				if (r.status().isOpen() && r.dueProvisional()) {
					InfoRequest recounted = recompute(r);
					if (!java.util.Objects.equals(recounted.dueOn(), r.dueOn())) {
						requests.addEvent(id, clock.instant(), "system", "recounted",
								"节假日安排公布后重新计算答复期限：" + recounted.dueOn(), true);
					}
				}
			});
		}
	}

	private boolean sweepOne(long id) {
		LocalDate today = today();
		InfoRequest r = requests.lock(id).orElseThrow();
		{
			Actor system = Actor.system();
			org.gongkai.calendar.DueDate correctionEnd = r.status() == RequestStatus.AWAITING_CORRECTION
					? requestClock.addWorkingDays(r.correctionRequestedOn(), r.correctionPeriodDays()) : null;
			org.gongkai.calendar.DueDate payEnd = r.status() == RequestStatus.AWAITING_PAYMENT
					? requestClock.addWorkingDays(r.feeNoticeOn(), settings.of(r.agencyId()).feePaymentDays()) : null;
			// a period counted into a year whose holidays are not loaded is never closed on: it may not be over yet
			if (correctionEnd != null && !correctionEnd.provisional() && !correctionEnd.date().equals(r.correctionDueOn())) {
				r = recompute(copy(r, b -> b.correctionDueOn = correctionEnd.date()));
			}
			if (payEnd != null && !payEnd.provisional() && !payEnd.date().equals(r.feePayBy())) {
				r = recompute(copy(r, b -> b.feePayBy = payEnd.date()));
			}
			if (r.status() == RequestStatus.AWAITING_CORRECTION && !correctionEnd.provisional() && today.isAfter(r.correctionDueOn())) {
				close(r, system, Outcome.R6_1, r.correctionDueOn().plusDays(1), "correction-lapsed",
						"补正期限（" + r.correctionDueOn() + "）届满未补正，视为放弃申请，不再处理（条例第三十条）", b -> b.status = RequestStatus.CLOSED);
				return true;
			}
			else if (r.status() == RequestStatus.AWAITING_PAYMENT && !payEnd.provisional() && today.isAfter(r.feePayBy())) {
				close(r, system, Outcome.R6_2, r.feePayBy().plusDays(1), "fee-lapsed",
						"缴费期限（" + r.feePayBy() + "）届满未缴费，不再处理（国办函〔2020〕109号）", b -> b.status = RequestStatus.CLOSED);
				return true;
			}
			else if (r.dueOn() != null && today.isAfter(r.dueOn()) && r.overdueSince() == null && r.status().isOpen()) {
				LocalDate since = r.dueOn().plusDays(1);
				requests.update(copy(r, b -> b.overdueSince = since));
				requests.addEvent(id, clock.instant(), "system", "overdue", "已超过答复期限（" + r.dueOn() + "）", false);
				return true;
			}
		}
		return false;
	}

	// ---- remedies -------------------------------------------------------------------------------------

	public Remedy recordRemedy(long id, Remedy.Kind kind, LocalDate filedOn, String body) {
		InfoRequest r = lock(id);
		Actor actor = CaseAccess.require(r.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		if (r.status().isOpen()) {
			throw new DomainException("申请尚未办结，不能登记复议或诉讼");
		}
		List<FieldProblem> problems = dateProblems("filedOn", filedOn, "申请复议或起诉之日");
		if (kind == null) {
			problems.add(new FieldProblem("kind", "请选择行政复议、直接起诉或复议后起诉"));
		}
		String b = Texts.trimToNull(body);
		if (b != null && b.length() > 300) {
			problems.add(new FieldProblem("body", "复议机关或法院名称不能超过300字"));
		}
		if (filedOn != null && r.closedOn() != null && filedOn.isBefore(r.closedOn())) {
			problems.add(new FieldProblem("filedOn", "申请复议或起诉之日不能早于答复之日"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long rid = requests.insertRemedy(new Remedy(0, id, r.agencyId(), kind, filedOn, b, Remedy.Result.PENDING, null, null,
				actor.username(), clock.instant()));
		requests.addEvent(id, clock.instant(), actor.username(), "remedy", kind.label() + "（" + filedOn + "）", false);
		audit(actor, r.agencyId(), id, "inforequest.remedy-recorded", "登记" + kind.label() + "（" + r.trackingCode() + "）");
		return requests.remedy(rid).orElseThrow();
	}

	public Remedy decideRemedy(long remedyId, Remedy.Result result, LocalDate decidedOn, String note) {
		Remedy m = requests.remedy(remedyId).orElseThrow(() -> DomainException.notFound("该复议或诉讼记录不存在"));
		Actor actor = CaseAccess.require(m.agencyId(), Role.REQUEST_HANDLER, Role.AGENCY_ADMIN);
		if (m.result() != Remedy.Result.PENDING) {
			throw new DomainException("该" + m.kind().label() + "已登记结果（" + m.result().label() + "），不能再改");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (result == null || result == Remedy.Result.PENDING) {
			problems.add(new FieldProblem("result", "请选择结果维持、结果纠正或其他结果"));
		}
		problems.addAll(dateProblems("decidedOn", decidedOn, "决定或判决之日"));
		if (decidedOn != null && decidedOn.isBefore(m.filedOn())) {
			problems.add(new FieldProblem("decidedOn", "决定或判决之日不能早于申请复议或起诉之日"));
		}
		String n = Texts.trimToNull(note);
		if (n != null && n.length() > 2000) {
			problems.add(new FieldProblem("note", "说明不能超过2000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requests.updateRemedy(new Remedy(m.id(), m.requestId(), m.agencyId(), m.kind(), m.filedOn(), m.body(), result, decidedOn, n,
				m.createdBy(), m.createdAt()));
		requests.addEvent(m.requestId(), clock.instant(), actor.username(), "remedy-decided",
				m.kind().label() + "：" + result.label() + "（" + decidedOn + "）", false);
		audit(actor, m.agencyId(), m.requestId(), "inforequest.remedy-decided", m.kind().label() + "：" + result.label());
		return requests.remedy(remedyId).orElseThrow();
	}

	// ---- internals ----------------------------------------------------------------------------------

	private InfoRequest close(InfoRequest r, Actor actor, Outcome outcome, LocalDate on, String action, String note,
			Consumer<Builder> change) {
		return step(r, actor, action, note, true, b -> {
			change.accept(b);
			b.outcome = outcome;
			b.repliedOn = on;
			b.closedOn = on;
		});
	}

	/** Applies one step: the change, the recomputed due date, the history entry and the audit record. */
	private InfoRequest step(InfoRequest r, Actor actor, String action, String note, boolean publicNote, Consumer<Builder> change) {
		InfoRequest changed = copy(r, b -> {
			change.accept(b);
			b.version = r.version() + 1;
			b.updatedAt = clock.instant();
		});
		InfoRequest saved = recompute(changed);
		requests.addEvent(r.id(), clock.instant(), actor.username(), action, note, publicNote);
		// the audit trail names the step and the case; what was said stays in the case's own history
		audit(actor, r.agencyId(), r.id(), "inforequest." + action, RequestSteps.label(action) + "（" + r.trackingCode() + "）");
		return saved;
	}

	/** Stores the request with its due date recomputed from its facts and consultations. */
	private InfoRequest recompute(InfoRequest r) {
		RequestClock.Due due = r.status().isOpen()
				? requestClock.due(r, requests.consultations(r.id()), settings.of(r.agencyId()).feePausesClock()) : null;
		InfoRequest withDue = copy(r, b -> {
			if (due != null) {
				b.dueOn = due.date();
				b.dueRule = due.rule();
				b.dueProvisional = due.provisional();
			}
		});
		requests.update(withDue);
		return requests.find(r.id()).orElseThrow();
	}

	private Consultation consultation(long requestId, long consultationId) {
		return requests.consultations(requestId).stream().filter(c -> c.id() == consultationId).findFirst()
			.orElseThrow(() -> DomainException.notFound("该征求意见记录不存在"));
	}

	private InfoRequest build(Agency agency, Application a, SubmissionChannel channel, boolean oral, LocalDate receivedOn,
			RequestStatus status, String createdBy, Instant now) {
		Builder b = new Builder();
		b.agencyId = agency.id();
		b.trackingCode = trackingCode();
		b.channel = channel;
		b.applicantType = a.applicantType();
		b.applicantName = a.name().trim();
		b.idType = a.idType();
		b.idNumber = normaliseId(a.idType(), a.idNumber());
		b.contactPerson = Texts.trimToNull(a.contactPerson());
		b.phone = Texts.trimToNull(a.phone());
		b.email = Texts.trimToNull(a.email());
		b.address = Texts.trimToNull(a.address());
		b.postcode = Texts.trimToNull(a.postcode());
		b.description = a.description().trim();
		b.provisionForm = a.provisionForm();
		b.obtainMethod = a.obtainMethod();
		b.enteredForApplicant = oral;
		b.submittedAt = now;
		b.receivedOn = receivedOn;
		b.status = status;
		b.createdBy = createdBy;
		b.createdAt = now;
		b.updatedAt = now;
		return b.build();
	}

	private static String trackingCode() {
		StringBuilder sb = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return sb.toString();
	}

	private static String normaliseId(IdType type, String number) {
		String n = number.trim().replace(" ", "");
		return type == IdType.RESIDENT_ID || type == IdType.CREDIT_CODE ? n.toUpperCase(java.util.Locale.ROOT) : n;
	}

	/** The Art. 29 content with the identity proof checked; {@code online} also needs a mobile phone for the tracking page. */
	List<FieldProblem> validate(Application a, boolean online) {
		List<FieldProblem> problems = new ArrayList<>();
		if (a == null) {
			problems.add(new FieldProblem("name", "请填写申请内容"));
			return problems;
		}
		if (a.applicantType() == null) {
			problems.add(new FieldProblem("applicantType", "请选择申请人类型"));
		}
		String name = Texts.trimToNull(a.name());
		if (name == null || name.length() > 200) {
			problems.add(new FieldProblem("name", "请填写申请人姓名或者名称（不超过200字）"));
		}
		if (a.idType() == null) {
			problems.add(new FieldProblem("idType", "请选择身份证明类型"));
		}
		String id = Texts.trimToNull(a.idNumber());
		if (id == null) {
			problems.add(new FieldProblem("idNumber", "请填写身份证明号码（条例第二十九条）"));
		}
		else if (a.idType() == IdType.RESIDENT_ID && !ResidentIds.isValid(normaliseId(IdType.RESIDENT_ID, id))) {
			problems.add(new FieldProblem("idNumber", "居民身份证号码不正确，请核对18位号码（含末位校验码）"));
		}
		else if (a.idType() == IdType.CREDIT_CODE && !CreditCode.isValid(normaliseId(IdType.CREDIT_CODE, id))) {
			problems.add(new FieldProblem("idNumber", "统一社会信用代码不正确，请核对18位代码"));
		}
		else if (id.length() > 50) {
			problems.add(new FieldProblem("idNumber", "身份证明号码不能超过50个字符"));
		}
		if (a.applicantType() == ApplicantType.NATURAL_PERSON && a.idType() == IdType.CREDIT_CODE) {
			problems.add(new FieldProblem("idType", "自然人请提供居民身份证等个人身份证明"));
		}
		if (a.applicantType() != null && a.applicantType() != ApplicantType.NATURAL_PERSON && a.idType() != null
				&& a.idType() != IdType.CREDIT_CODE && a.idType() != IdType.OTHER) {
			problems.add(new FieldProblem("idType", "法人或者其他组织请提供统一社会信用代码或其他组织身份证明"));
		}
		String phone = Texts.trimToNull(a.phone());
		String email = Texts.trimToNull(a.email());
		String address = Texts.trimToNull(a.address());
		if (phone == null && email == null && address == null) {
			problems.add(new FieldProblem("phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）"));
		}
		if (online && (phone == null || phone.replaceAll("\\D", "").length() < 7)) {
			problems.add(new FieldProblem("phone", "网上申请请填写联系电话，查询办理进度时需要核对其后四位"));
		}
		if (phone != null && (phone.length() > 30 || !phone.matches("[0-9+()\\- ]{7,30}"))) {
			problems.add(new FieldProblem("phone", "联系电话格式不正确"));
		}
		if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			problems.add(new FieldProblem("email", "电子邮箱格式不正确"));
		}
		if (address != null && address.length() > 300) {
			problems.add(new FieldProblem("address", "通信地址不能超过300字"));
		}
		String postcode = Texts.trimToNull(a.postcode());
		if (postcode != null && !postcode.matches("\\d{6}")) {
			problems.add(new FieldProblem("postcode", "邮政编码应为6位数字"));
		}
		String contact = Texts.trimToNull(a.contactPerson());
		if (contact != null && contact.length() > 100) {
			problems.add(new FieldProblem("contactPerson", "联系人不能超过100字"));
		}
		String description = Texts.trimToNull(a.description());
		if (description == null) {
			problems.add(new FieldProblem("description", "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述"));
		}
		else if (description.length() > 5000) {
			problems.add(new FieldProblem("description", "所需信息的描述不能超过5000字"));
		}
		if (a.provisionForm() == null) {
			problems.add(new FieldProblem("provisionForm", "请选择信息的提供形式"));
		}
		if (a.obtainMethod() == null) {
			problems.add(new FieldProblem("obtainMethod", "请选择获取信息的方式"));
		}
		return problems;
	}

	private List<FieldProblem> dateProblems(String field, LocalDate day, String label) {
		List<FieldProblem> problems = new ArrayList<>();
		if (day == null) {
			problems.add(new FieldProblem(field, "请填写" + label));
		}
		else if (day.isAfter(today())) {
			problems.add(new FieldProblem(field, label + "不能晚于今天"));
		}
		else if (day.getYear() < 2000) {
			problems.add(new FieldProblem(field, label + "应在2000年以后"));
		}
		return problems;
	}

	private Agency receivingAgency(String code) {
		Agency agency = agencies.findByCode(code == null ? "" : code.trim())
			.orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + code + "”的单位"));
		if (!agency.active()) {
			throw new DomainException("该单位已撤销，不再受理政府信息公开申请");
		}
		return agency;
	}

	InfoRequest lock(long id) {
		return requests.lock(id).orElseThrow(() -> DomainException.notFound("该申请不存在"));
	}

	private static void requireStatus(InfoRequest r, RequestStatus expected, String step) {
		if (r.status() != expected) {
			throw new DomainException("“" + r.status().label() + "”的申请不能" + step);
		}
	}

	private static void requireOpen(InfoRequest r) {
		if (!r.status().isOpen()) {
			throw new DomainException("申请已办结");
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private void audit(Actor actor, long agencyId, long id, String action, String summary) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, "InfoRequest", id, summary, null, null));
	}

	InfoRequest copy(InfoRequest r, Consumer<Builder> change) {
		Builder b = new Builder(r);
		change.accept(b);
		return b.build();
	}

	/** A mutable copy of a request, for building changed versions of the immutable record. */
	static final class Builder {

		long id;

		long agencyId;

		String trackingCode;

		SubmissionChannel channel;

		ApplicantType applicantType;

		String applicantName;

		IdType idType;

		String idNumber;

		String contactPerson;

		String phone;

		String email;

		String address;

		String postcode;

		String description;

		ProvisionForm provisionForm;

		ObtainMethod obtainMethod;

		boolean enteredForApplicant;

		Instant submittedAt;

		LocalDate receivedOn;

		RequestStatus status;

		String handler;

		LocalDate dueOn;

		String dueRule;

		boolean dueProvisional;

		LocalDate overdueSince;

		LocalDate correctionRequestedOn;

		String correctionItems;

		Integer correctionPeriodDays;

		LocalDate correctionDueOn;

		LocalDate correctionReceivedOn;

		int extensionDays;

		String extensionReason;

		String extensionApprovedBy;

		LocalDate extensionApprovedOn;

		LocalDate extensionNoticeOn;

		LocalDate customDueOn;

		String customDueReason;

		LocalDate customDueNoticeOn;

		FeeMethod feeMethod;

		Integer feeQuantity;

		BigDecimal feeAmount;

		LocalDate feeNoticeOn;

		LocalDate feePayBy;

		LocalDate feePaidOn;

		Outcome outcome;

		LocalDate repliedOn;

		String replyBasis;

		String replyReason;

		String replyContent;

		String responsibleAgency;

		String reconsiderationNotice;

		ObtainMethod deliveryChannel;

		LocalDate deliveredOn;

		LocalDate closedOn;

		int version;

		String createdBy;

		Instant createdAt;

		Instant updatedAt;

		Builder() {
		}

		Builder(InfoRequest r) {
			id = r.id();
			agencyId = r.agencyId();
			trackingCode = r.trackingCode();
			channel = r.channel();
			applicantType = r.applicantType();
			applicantName = r.applicantName();
			idType = r.idType();
			idNumber = r.idNumber();
			contactPerson = r.contactPerson();
			phone = r.phone();
			email = r.email();
			address = r.address();
			postcode = r.postcode();
			description = r.description();
			provisionForm = r.provisionForm();
			obtainMethod = r.obtainMethod();
			enteredForApplicant = r.enteredForApplicant();
			submittedAt = r.submittedAt();
			receivedOn = r.receivedOn();
			status = r.status();
			handler = r.handler();
			dueOn = r.dueOn();
			dueRule = r.dueRule();
			dueProvisional = r.dueProvisional();
			overdueSince = r.overdueSince();
			correctionRequestedOn = r.correctionRequestedOn();
			correctionItems = r.correctionItems();
			correctionPeriodDays = r.correctionPeriodDays();
			correctionDueOn = r.correctionDueOn();
			correctionReceivedOn = r.correctionReceivedOn();
			extensionDays = r.extensionDays();
			extensionReason = r.extensionReason();
			extensionApprovedBy = r.extensionApprovedBy();
			extensionApprovedOn = r.extensionApprovedOn();
			extensionNoticeOn = r.extensionNoticeOn();
			customDueOn = r.customDueOn();
			customDueReason = r.customDueReason();
			customDueNoticeOn = r.customDueNoticeOn();
			feeMethod = r.feeMethod();
			feeQuantity = r.feeQuantity();
			feeAmount = r.feeAmount();
			feeNoticeOn = r.feeNoticeOn();
			feePayBy = r.feePayBy();
			feePaidOn = r.feePaidOn();
			outcome = r.outcome();
			repliedOn = r.repliedOn();
			replyBasis = r.replyBasis();
			replyReason = r.replyReason();
			replyContent = r.replyContent();
			responsibleAgency = r.responsibleAgency();
			reconsiderationNotice = r.reconsiderationNotice();
			deliveryChannel = r.deliveryChannel();
			deliveredOn = r.deliveredOn();
			closedOn = r.closedOn();
			version = r.version();
			createdBy = r.createdBy();
			createdAt = r.createdAt();
			updatedAt = r.updatedAt();
		}

		InfoRequest build() {
			return new InfoRequest(id, agencyId, trackingCode, channel, applicantType, applicantName, idType, idNumber,
					contactPerson, phone, email, address, postcode, description, provisionForm, obtainMethod,
					enteredForApplicant, submittedAt, receivedOn, status, handler, dueOn, dueRule, dueProvisional, overdueSince,
					correctionRequestedOn, correctionItems, correctionPeriodDays, correctionDueOn, correctionReceivedOn,
					extensionDays, extensionReason, extensionApprovedBy, extensionApprovedOn, extensionNoticeOn, customDueOn,
					customDueReason, customDueNoticeOn, feeMethod, feeQuantity, feeAmount, feeNoticeOn, feePayBy, feePaidOn,
					outcome, repliedOn, replyBasis, replyReason, replyContent, responsibleAgency, reconsiderationNotice,
					deliveryChannel, deliveredOn, closedOn, version, createdBy, createdAt, updatedAt);
		}
	}
}
