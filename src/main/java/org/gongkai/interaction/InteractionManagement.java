package org.gongkai.interaction;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.interpretation.ConcernManagement;
import org.gongkai.interpretation.ConcernTopic;
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
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling of a public message, one intention-named step at a time: submit, review (accept or reject), assign
 * (转办) or return, extend, supervise (督办), reply, withhold from or release to the public list, and the sender's
 * rating and one reopening. Each step checks the actor and the message's state, validates before it writes, and
 * records itself in the message's history and the audit trail. Reply dates count in working days through the
 * calendar from the day the message is accepted.
 */
@Service
@Transactional
public class InteractionManagement {

	/** Staff who review and handle messages of an agency. */
	static final Role[] HANDLER_ROLES = { Role.MESSAGE_HANDLER, Role.AGENCY_ADMIN };

	/** The token scope of a system that exchanges messages with the platform (a 12345 hotline platform). */
	static final String INTERACTION_SCOPE = "interaction";

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/** A second identical message from the same phone within this window is a double submission. */
	private static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

	private final Messages messages;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final WorkingDayCalendar calendar;

	private final ConcernManagement concerns;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	InteractionManagement(Messages messages, AgencyDirectory agencies, AgencyAccess access, WorkingDayCalendar calendar,
			ConcernManagement concerns, ApplicationEventPublisher events, Clock clock,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.messages = messages;
		this.agencies = agencies;
		this.access = access;
		this.calendar = calendar;
		this.concerns = concerns;
		this.events = events;
		this.clock = clock;
	}

	// ---- the sender ----------------------------------------------------------------------------------

	/** A message from the public (the portal form or the public API); saved at once with its tracking code. */
	public Message submit(MessageSubmission s, MessageChannel channel) {
		List<FieldProblem> problems = new ArrayList<>();
		Agency agency = null;
		String code = Texts.trimToNull(s.agency());
		if (code == null) {
			problems.add(new FieldProblem("agency", "请选择留言的单位"));
		}
		else {
			agency = agencies.findByCode(code).filter(Agency::active).orElse(null);
			if (agency == null) {
				problems.add(new FieldProblem("agency", "没有找到这个单位，或该单位已撤销"));
			}
		}
		if (s.mailboxId() != null && agency != null) {
			Mailbox box = messages.mailbox(s.mailboxId()).orElse(null);
			if (box == null || !box.active() || box.agencyId() != agency.id()) {
				problems.add(new FieldProblem("mailbox", "这个领导信箱不存在或已停用"));
			}
		}
		if (s.type() == null) {
			problems.add(new FieldProblem("type", "请选择留言类型"));
		}
		String title = Texts.trimToNull(s.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "请填写留言标题"));
		}
		else if (title.length() > 100) {
			problems.add(new FieldProblem("title", "留言标题不能超过100个字"));
		}
		String content = Texts.trimToNull(s.content());
		if (content == null) {
			problems.add(new FieldProblem("content", "请填写留言内容"));
		}
		else if (content.length() < 10) {
			problems.add(new FieldProblem("content", "留言内容至少10个字，请写清楚事项"));
		}
		else if (content.length() > 5000) {
			problems.add(new FieldProblem("content", "留言内容不能超过5000个字"));
		}
		String name = Texts.trimToNull(s.name());
		if (name == null) {
			problems.add(new FieldProblem("name", "请填写姓名"));
		}
		else if (name.length() > 50) {
			problems.add(new FieldProblem("name", "姓名不能超过50个字"));
		}
		String phone = Texts.trimToNull(s.phone());
		if (phone == null) {
			problems.add(new FieldProblem("phone", "请填写联系电话，用于答复和查询办理进度"));
		}
		else if (!PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("phone", "联系电话格式不正确，请填写11位手机号码或带区号的固定电话"));
		}
		String email = Texts.trimToNull(s.email());
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("email", "电子邮箱格式不正确"));
		}
		if (s.publicAllowed() == null) {
			problems.add(new FieldProblem("publicAllowed", "请选择是否同意公开留言"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		if (messages.duplicateSince(phone, content, now.minus(DUPLICATE_WINDOW))) {
			throw new DomainException("您已提交过内容相同的留言，请勿重复提交；可凭查询码查看办理进度");
		}
		LocalDate today = today();
		InteractionSettings settings = settings(agency.id());
		DueDate reviewDue = calendar.addWorkingDaysProvisionally(today, settings.reviewDays());
		Message m = new Message(0, newCode(), agency.id(), s.mailboxId(), agency.id(), s.type(), channel, title, content, name,
				phone, email, s.publicAllowed(), MessageStatus.SUBMITTED, now, today, reviewDue.date(), null, null, null, null,
				null, null, false, 0, null, null, null, null, null, null, null, null, null, null, null, null, 0, 0, now);
		long id = messages.insert(m);
		messages.addEvent(id, now, "sender", "submitted", "提交留言", true);
		audit(Actor.system(), agency.id(), id, "interaction.submitted", "收到留言（" + m.trackingCode() + "）");
		return messages.find(id).orElseThrow();
	}

	/** The sender rates the latest reply; once per reply. */
	public Message rate(String trackingCode, String phoneLast4, Rating rating, String note) {
		Message m = lockForSender(trackingCode, phoneLast4);
		if (m.status() != MessageStatus.REPLIED) {
			throw new DomainException("留言答复后才能评价");
		}
		if (rating == null) {
			throw InvalidInputException.of("rating", "请选择评价");
		}
		MessageReply latest = latestReply(m);
		if (m.ratedAt() != null && !m.ratedAt().isBefore(latest.repliedAt())) {
			throw new DomainException("您已评价过这次答复");
		}
		String n = limit(Texts.trimToNull(note), 1000, "note", "评价说明不能超过1000个字");
		Instant now = clock.instant();
		save(m.with(b -> {
			b.rating = rating;
			b.ratingNote = n;
			b.ratedAt = now;
		}));
		messages.addEvent(m.id(), now, "sender", "rated", "评价：" + rating.label() + (n == null ? "" : "（" + n + "）"), true);
		audit(Actor.system(), m.handlingAgencyId(), m.id(), "interaction.rated", "留言评价" + rating.label() + "（" + m.trackingCode() + "）");
		return messages.find(m.id()).orElseThrow();
	}

	/** The sender is not satisfied and asks once for a further answer, within the agency's window after the reply. */
	public Message reopen(String trackingCode, String phoneLast4, String reason) {
		Message m = lockForSender(trackingCode, phoneLast4);
		if (m.status() != MessageStatus.REPLIED) {
			throw new DomainException("留言答复后才能追问");
		}
		if (m.reopenedOn() != null) {
			throw new DomainException("每条留言只能追问一次；如有新的问题，请另行留言");
		}
		String r = Texts.trimToNull(reason);
		if (r == null || r.length() < 5) {
			throw InvalidInputException.of("reason", "请写明追问的问题（至少5个字）");
		}
		limit(r, 1000, "reason", "追问内容不能超过1000个字");
		InteractionSettings settings = settings(m.agencyId());
		LocalDate today = today();
		if (today.isAfter(m.repliedOn().plusDays(settings.reopenWindowDays()))) {
			throw new DomainException("已超过答复后" + settings.reopenWindowDays() + "日的追问期限，如有新的问题，请另行留言");
		}
		DueDate due = calendar.addWorkingDaysProvisionally(today, settings.replyDays(m.type()));
		Instant now = clock.instant();
		save(m.with(b -> {
			b.status = MessageStatus.REOPENED;
			b.reopenedOn = today;
			b.reopenReason = r;
			b.dueOn = due.date();
			b.dueProvisional = due.provisional();
			b.extensionDays = 0;
			b.extensionReason = null;
			b.extendedBy = null;
		}));
		messages.addEvent(m.id(), now, "sender", "reopened", "追问：" + r, true);
		audit(Actor.system(), m.handlingAgencyId(), m.id(), "interaction.reopened", "留言追问（" + m.trackingCode() + "）");
		return messages.find(m.id()).orElseThrow();
	}

	// ---- review and assignment -----------------------------------------------------------------------

	/** Review: the message is valid and will be answered; its reply date starts today. */
	public Message accept(long id) {
		Message m = lock(id);
		Actor actor = requireStaff(m.agencyId());
		if (m.status() != MessageStatus.SUBMITTED) {
			throw new DomainException("只有待审看的留言可以受理，这条留言" + m.status().label());
		}
		LocalDate today = today();
		DueDate due = calendar.addWorkingDaysProvisionally(today, settings(m.agencyId()).replyDays(m.type()));
		save(m.with(b -> {
			b.status = MessageStatus.ACCEPTED;
			b.acceptedOn = today;
			b.acceptedBy = actor.username();
			b.dueOn = due.date();
			b.dueProvisional = due.provisional();
		}));
		messages.addEvent(id, clock.instant(), actor.username(), "accepted", "已受理，应于" + due.date() + "前答复", true);
		audit(actor, m.agencyId(), id, "interaction.accepted", "受理留言（" + m.trackingCode() + "）");
		return messages.find(id).orElseThrow();
	}

	/** Review: the message is not valid; the sender sees the reason. It is never published. */
	public Message reject(long id, RejectionReason reason, String note) {
		Message m = lock(id);
		Actor actor = requireStaff(m.agencyId());
		if (m.status() != MessageStatus.SUBMITTED) {
			throw new DomainException("只有待审看的留言可以不予受理，这条留言" + m.status().label());
		}
		if (reason == null) {
			throw InvalidInputException.of("reason", "请选择不予受理的理由");
		}
		String n = limit(Texts.trimToNull(note), 1000, "note", "说明不能超过1000个字");
		if (reason == RejectionReason.OTHER && n == null) {
			throw InvalidInputException.of("note", "选择“其他原因”时请写明理由");
		}
		save(m.with(b -> {
			b.status = MessageStatus.REJECTED;
			b.rejectionReason = reason;
			b.rejectionNote = n;
			b.rejectedOn = today();
		}));
		messages.addEvent(id, clock.instant(), actor.username(), "rejected",
				"不予受理：" + reason.label() + (n == null ? "" : "。" + n), true);
		audit(actor, m.agencyId(), id, "interaction.rejected", "不予受理留言（" + m.trackingCode() + "）：" + reason.label());
		return messages.find(id).orElseThrow();
	}

	/**
	 * 转办: the receiving agency passes the message to the agency responsible; a message still waiting for review is
	 * accepted at the same time. The reply date does not move: the clock runs from acceptance.
	 */
	public Message assign(long id, long targetAgencyId, String note) {
		Message m = lock(id);
		Actor actor = requireStaff(m.agencyId());
		if (!(m.status() == MessageStatus.SUBMITTED || m.status() == MessageStatus.ACCEPTED
				|| m.status() == MessageStatus.REOPENED)) {
			throw new DomainException("这条留言" + m.status().label() + "，不能转办");
		}
		Agency target = agencies.findById(targetAgencyId).filter(Agency::active)
			.orElseThrow(() -> InvalidInputException.of("agency", "请选择有效的承办单位"));
		if (target.id() == m.handlingAgencyId()) {
			throw InvalidInputException.of("agency", "留言已由该单位办理");
		}
		String n = limit(Texts.trimToNull(note), 1000, "note", "转办说明不能超过1000个字");
		if (m.status() == MessageStatus.SUBMITTED) {
			m = accept(id);
		}
		Message current = m;
		save(current.with(b -> b.handlingAgencyId = target.id()));
		messages.addEvent(id, clock.instant(), actor.username(), "assigned", "已转" + target.name() + "办理", true);
		if (n != null) {
			messages.addEvent(id, clock.instant(), actor.username(), "assign-note", "转办说明：" + n, false);
		}
		audit(actor, m.agencyId(), id, "interaction.assigned", "转办留言（" + m.trackingCode() + "）至" + target.name());
		return messages.find(id).orElseThrow();
	}

	/** The assigned agency returns a message that is not its business; the receiving agency handles it again. */
	public Message giveBack(long id, String reason) {
		Message m = lock(id);
		Actor actor = requireStaff(m.handlingAgencyId());
		if (m.handlingAgencyId() == m.agencyId()) {
			throw new DomainException("这条留言没有转办，无需退回");
		}
		if (!m.status().awaitingReply() || m.status() == MessageStatus.SUBMITTED) {
			throw new DomainException("这条留言" + m.status().label() + "，不能退回");
		}
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请写明退回理由");
		}
		limit(r, 1000, "reason", "退回理由不能超过1000个字");
		String from = agencies.findById(m.handlingAgencyId()).map(Agency::name).orElse("");
		save(m.with(b -> b.handlingAgencyId = m.agencyId()));
		messages.addEvent(id, clock.instant(), actor.username(), "returned", from + "退回：" + r, false);
		audit(actor, m.handlingAgencyId(), id, "interaction.returned", "退回留言（" + m.trackingCode() + "）");
		return messages.find(id).orElseThrow();
	}

	// ---- handling ------------------------------------------------------------------------------------

	/** One extension per answer, at most the agency's maximum, with the reason the sender sees. */
	public Message extend(long id, int days, String reason) {
		Message m = lock(id);
		Actor actor = requireStaff(m.handlingAgencyId());
		if (m.status() != MessageStatus.ACCEPTED && m.status() != MessageStatus.REOPENED) {
			throw new DomainException("只有办理中的留言可以延期");
		}
		if (m.extensionDays() > 0) {
			throw new DomainException("这条留言已经延期过一次");
		}
		if (m.dueOn() != null && today().isAfter(m.dueOn())) {
			throw new DomainException("答复期限已于" + m.dueOn() + "届满，届满后不能再延期");
		}
		InteractionSettings settings = settings(m.agencyId());
		if (days < 1 || days > settings.maxExtensionDays()) {
			throw InvalidInputException.of("days", "延期天数应为1至" + settings.maxExtensionDays() + "个工作日");
		}
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请写明延期理由");
		}
		limit(r, 1000, "reason", "延期理由不能超过1000个字");
		LocalDate start = m.status() == MessageStatus.REOPENED ? m.reopenedOn() : m.acceptedOn();
		DueDate due = calendar.addWorkingDaysProvisionally(start, settings.replyDays(m.type()) + days);
		save(m.with(b -> {
			b.extensionDays = days;
			b.extensionReason = r;
			b.extendedBy = actor.username();
			b.dueOn = due.date();
			b.dueProvisional = due.provisional();
		}));
		messages.addEvent(id, clock.instant(), actor.username(), "extended", "延期" + days + "个工作日，应于" + due.date() + "前答复：" + r,
				true);
		audit(actor, m.handlingAgencyId(), id, "interaction.extended", "留言延期（" + m.trackingCode() + "）");
		return messages.find(id).orElseThrow();
	}

	/** 督办: the supervising office presses the handling agency, with its own deadline. */
	public Supervision supervise(long id, String note, LocalDate dueOn) {
		Message m = lock(id);
		Actor actor = access.require(m.handlingAgencyId(), Role.SUPERVISOR);
		if (!m.status().awaitingReply()) {
			throw new DomainException("这条留言" + m.status().label() + "，无需督办");
		}
		String n = Texts.trimToNull(note);
		List<FieldProblem> problems = new ArrayList<>();
		if (n == null) {
			problems.add(new FieldProblem("note", "请填写督办意见"));
		}
		else if (n.length() > 1000) {
			problems.add(new FieldProblem("note", "督办意见不能超过1000个字"));
		}
		if (dueOn == null) {
			problems.add(new FieldProblem("dueOn", "请填写督办期限"));
		}
		else if (dueOn.isBefore(today())) {
			problems.add(new FieldProblem("dueOn", "督办期限不能早于今天"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		long sid = messages.insertSupervision(new Supervision(0, id, m.handlingAgencyId(), n, dueOn, actor.username(), now, null, null));
		messages.addEvent(id, now, actor.username(), "supervised", "督办，限" + dueOn + "前办结：" + n, false);
		audit(actor, m.handlingAgencyId(), id, "interaction.supervised", "督办留言（" + m.trackingCode() + "）");
		return messages.supervisions(id).stream().filter(s -> s.id() == sid).findFirst().orElseThrow();
	}

	/**
	 * The handling agency answers. A reply after the reply date is counted late; open supervisions close with it.
	 * {@code withholdReason}, when given, keeps the message off the public list (e.g. it concerns one person's
	 * private affairs) even though the sender allowed publication.
	 */
	public Message reply(long id, String content, String withholdReason) {
		Message m = lock(id);
		Actor actor = requireStaff(m.handlingAgencyId());
		if (m.status() == MessageStatus.SUBMITTED) {
			throw new DomainException("请先受理这条留言再答复");
		}
		if (m.status() != MessageStatus.ACCEPTED && m.status() != MessageStatus.REOPENED) {
			throw new DomainException("这条留言" + m.status().label() + "，不能答复");
		}
		String text = Texts.trimToNull(content);
		if (text == null || text.length() < 5) {
			throw InvalidInputException.of("content", "请填写答复内容（至少5个字）");
		}
		limit(text, 10000, "content", "答复内容不能超过10000个字");
		String withhold = limit(Texts.trimToNull(withholdReason), 1000, "withholdReason", "不公开理由不能超过1000个字");
		LocalDate today = today();
		Instant now = clock.instant();
		boolean late = m.dueOn() != null && today.isAfter(m.dueOn());
		int round = messages.replies(id).size() + 1;
		messages.insertReply(new MessageReply(0, id, round, m.handlingAgencyId(), text, today, now, m.dueOn(), late, actor.username()));
		boolean wasPublic = m.isPublic();
		Message saved = save(m.with(b -> {
			b.status = MessageStatus.REPLIED;
			b.repliedOn = today;
			if (round == 1) {
				b.firstRepliedOn = today;
				b.firstReplyLate = late;
			}
			if (withhold != null) {
				b.hiddenReason = withhold;
				b.hiddenBy = actor.username();
			}
		}));
		messages.resolveSupervisions(id, today);
		messages.addEvent(id, now, actor.username(), "replied", (round == 1 ? "答复" : "答复追问") + (late ? "（超期）" : ""), true);
		audit(actor, m.handlingAgencyId(), id, "interaction.replied",
				"答复留言（" + m.trackingCode() + "）" + (late ? "，超过答复期限" : ""));
		publicChanged(saved, wasPublic);
		return saved;
	}

	/** Keeps a replied message off the public list, with the reason recorded. */
	public Message withhold(long id, String reason) {
		Message m = lock(id);
		Actor actor = requireStaff(m.agencyId(), m.handlingAgencyId());
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请写明不公开的理由");
		}
		limit(r, 1000, "reason", "不公开理由不能超过1000个字");
		boolean wasPublic = m.isPublic();
		Message saved = save(m.with(b -> {
			b.hiddenReason = r;
			b.hiddenBy = actor.username();
		}));
		messages.addEvent(id, clock.instant(), actor.username(), "withheld", "不在网站公开：" + r, false);
		audit(actor, m.agencyId(), id, "interaction.withheld", "留言不公开（" + m.trackingCode() + "）");
		publicChanged(saved, wasPublic);
		return saved;
	}

	/** Lifts a withholding; refused when the sender did not allow publication. */
	public Message release(long id) {
		Message m = lock(id);
		Actor actor = requireStaff(m.agencyId(), m.handlingAgencyId());
		if (!m.publicAllowed()) {
			throw new DomainException("留言人选择了不公开，这条留言不能在网站公开");
		}
		if (m.hiddenReason() == null) {
			throw new DomainException("这条留言没有被设为不公开");
		}
		boolean wasPublic = m.isPublic();
		Message saved = save(m.with(b -> {
			b.hiddenReason = null;
			b.hiddenBy = null;
		}));
		messages.addEvent(id, clock.instant(), actor.username(), "released", "恢复在网站公开", false);
		audit(actor, m.agencyId(), id, "interaction.released", "恢复公开留言（" + m.trackingCode() + "）");
		publicChanged(saved, wasPublic);
		return saved;
	}

	/**
	 * Records the message as a topic of public concern (回应关切) of the handling agency, with personal data masked;
	 * the concern module checks the editor's role.
	 */
	public ConcernTopic raiseConcern(long id) {
		Message m = messages.find(id).orElseThrow(() -> DomainException.notFound("留言不存在"));
		Actor caller = Actors.require();
		if (!access.allows(caller, m.agencyId(), MessageQueries.VIEW_ROLES)
				&& !access.allows(caller, m.handlingAgencyId(), MessageQueries.VIEW_ROLES)) {
			throw DomainException.forbidden("只有受理、承办单位的互动交流工作人员和监督部门可以查看这条留言");
		}
		if (m.status() == MessageStatus.REJECTED || m.status() == MessageStatus.SUBMITTED) {
			throw new DomainException("只有已受理的留言可以列为社会关切");
		}
		if (!m.publicAllowed() || m.hiddenReason() != null) {
			// the topic's title is shown with a published response: a message kept off the site must not reach it
			throw new DomainException("留言人不同意公开或已设为不公开的留言，不能直接列为社会关切；请在回应关切中另行登记关切事项");
		}
		ConcernTopic topic = concerns.recordTopic(m.handlingAgencyId(),
				new ConcernManagement.TopicDraft(PersonalDataScanner.mask(m.title()), ConcernTopic.Source.MESSAGE,
						"网民留言 " + m.trackingCode(), PersonalDataScanner.mask(m.content()), null, List.of()));
		Actor actor = Actors.require();
		messages.addEvent(id, clock.instant(), actor.username(), "concern", "列为社会关切热点（" + topic.title() + "）", false);
		return topic;
	}

	// ---- settings and mailboxes ----------------------------------------------------------------------

	/** The agency's periods, or the defaults. */
	@Transactional(readOnly = true)
	public InteractionSettings settings(long agencyId) {
		return messages.settings(agencyId).orElse(InteractionSettings.defaults(agencyId));
	}

	public InteractionSettings saveSettings(InteractionSettings s) {
		Actor actor = access.require(s.agencyId(), Role.AGENCY_ADMIN);
		List<FieldProblem> problems = new ArrayList<>();
		range(problems, "consultationDays", "咨询答复期限", s.consultationDays(), 1, 60);
		range(problems, "suggestionDays", "建议答复期限", s.suggestionDays(), 1, 60);
		range(problems, "complaintDays", "投诉答复期限", s.complaintDays(), 1, 60);
		range(problems, "helpDays", "求助答复期限", s.helpDays(), 1, 60);
		range(problems, "reviewDays", "审看期限", s.reviewDays(), 1, 10);
		range(problems, "maxExtensionDays", "最长延期", s.maxExtensionDays(), 0, 30);
		range(problems, "reopenWindowDays", "追问期限", s.reopenWindowDays(), 1, 90);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		InteractionSettings before = settings(s.agencyId());
		messages.saveSettings(s, actor.username(), clock.instant());
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), s.agencyId(), "interaction.settings-changed",
				"InteractionSettings", s.agencyId(), "修改互动交流办理期限", before.toString(), s.toString()));
		return settings(s.agencyId());
	}

	public Mailbox saveMailbox(Mailbox box) {
		Actor actor = access.require(box.agencyId(), Role.AGENCY_ADMIN);
		if (box.id() != 0) {
			Mailbox existing = messages.mailbox(box.id()).orElseThrow(() -> DomainException.notFound("领导信箱不存在"));
			if (existing.agencyId() != box.agencyId()) {
				throw DomainException.forbidden("不能修改其他单位的领导信箱");
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = Texts.trimToNull(box.name());
		String holder = Texts.trimToNull(box.holder());
		if (name == null || name.length() > 100) {
			problems.add(new FieldProblem("name", "请填写信箱名称（不超过100个字），例如“县长信箱”"));
		}
		if (holder == null || holder.length() > 100) {
			problems.add(new FieldProblem("holder", "请填写领导姓名（不超过100个字）"));
		}
		if (box.holderTitle() != null && box.holderTitle().length() > 200) {
			problems.add(new FieldProblem("holderTitle", "职务不能超过200个字"));
		}
		if (box.description() != null && box.description().length() > 1000) {
			problems.add(new FieldProblem("description", "说明不能超过1000个字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Mailbox clean = new Mailbox(box.id(), box.agencyId(), name, holder, Texts.trimToNull(box.holderTitle()),
				Texts.trimToNull(box.description()), box.active(), box.sortOrder());
		long id;
		if (box.id() == 0) {
			id = messages.insertMailbox(clean, clock.instant());
		}
		else {
			messages.updateMailbox(clean);
			id = box.id();
		}
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), box.agencyId(), "interaction.mailbox-saved", "Mailbox", id,
				"保存领导信箱“" + name + "”", null, null));
		return messages.mailbox(id).orElseThrow();
	}

	// ---- the calendar --------------------------------------------------------------------------------

	/**
	 * After a year's holiday notice is loaded: recounts every provisional reply date — of messages still waiting
	 * and of answered ones, whose late flags are then decided again against the true date — and the review dates
	 * of messages waiting for review.
	 */
	public int recountProvisional() {
		int changed = 0;
		for (Message p : messages.provisional()) {
			Message m = messages.lock(p.id()).orElseThrow();
			if (!m.dueProvisional() || m.status() == MessageStatus.REJECTED || m.status() == MessageStatus.SUBMITTED) {
				continue;
			}
			InteractionSettings settings = settings(m.agencyId());
			boolean secondRound = m.reopenedOn() != null;
			LocalDate start = secondRound ? m.reopenedOn() : m.acceptedOn();
			if (start == null) {
				continue;
			}
			DueDate due = calendar.addWorkingDaysProvisionally(start, settings.replyDays(m.type()) + m.extensionDays());
			int round = secondRound ? 2 : 1;
			MessageReply answered = messages.replies(m.id()).stream().filter(r -> r.round() == round).findFirst().orElse(null);
			Boolean late = answered == null ? null : answered.repliedOn().isAfter(due.date());
			if (answered != null) {
				messages.updateReplyDue(answered.id(), due.date(), late);
			}
			save(m.with(b -> {
				b.dueOn = due.date();
				b.dueProvisional = due.provisional();
				if (late != null && round == 1) {
					b.firstReplyLate = late;
				}
			}));
			changed++;
		}
		for (Message p : messages.awaitingReview()) {
			Message m = messages.lock(p.id()).orElseThrow();
			if (m.status() != MessageStatus.SUBMITTED) {
				continue;
			}
			LocalDate review = calendar.addWorkingDaysProvisionally(m.submittedOn(), settings(m.agencyId()).reviewDays()).date();
			if (!review.equals(m.reviewDueOn())) {
				save(m.with(b -> b.reviewDueOn = review));
				changed++;
			}
		}
		return changed;
	}

	// ---- helpers -------------------------------------------------------------------------------------

	/** Staff of one of the agencies with a handler role, or that agency's integration token with the interaction scope. */
	private Actor requireStaff(long... agencyIds) {
		Actor actor = Actors.require();
		for (long agencyId : agencyIds) {
			if (actor.token() ? actor.hasScope(INTERACTION_SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId
					: access.allows(actor, agencyId, HANDLER_ROLES)) {
				return actor;
			}
		}
		throw DomainException.forbidden("只有受理或承办单位的互动交流办理人员可以办理这条留言");
	}

	private Message lock(long id) {
		return messages.lock(id).orElseThrow(() -> DomainException.notFound("留言不存在"));
	}

	private Message lockForSender(String trackingCode, String phoneLast4) {
		String code = Texts.trimToNull(trackingCode);
		Message found = code == null ? null : messages.findByCode(code.toUpperCase(java.util.Locale.ROOT)).orElse(null);
		if (found == null || messages.trackingLocked(found.id(), clock.instant())) {
			throw DomainException.notFound(MessageQueries.NOT_FOUND);
		}
		if (!senderMatches(found, phoneLast4)) {
			// counted in its own transaction: the refusal below rolls this one back
			transactions.executeWithoutResult(t -> messages.trackingFailed(found.id(), clock.instant()));
			throw DomainException.notFound(MessageQueries.NOT_FOUND);
		}
		messages.trackingSucceeded(found.id());
		return messages.lock(found.id()).orElseThrow();
	}

	static boolean senderMatches(Message m, String phoneLast4) {
		String v = Texts.trimToNull(phoneLast4);
		String phone = m.senderPhone();
		if (v == null || v.length() != 4 || phone == null || phone.length() < 4) {
			return false;
		}
		// compared in constant time, like the request verifier
		return java.security.MessageDigest.isEqual(phone.substring(phone.length() - 4).getBytes(java.nio.charset.StandardCharsets.UTF_8),
				v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private Message save(Message m) {
		Message stamped = m.with(b -> b.updatedAt = clock.instant());
		messages.update(stamped);
		return messages.find(m.id()).orElseThrow();
	}

	private void publicChanged(Message now, boolean wasPublic) {
		if (now.isPublic() || wasPublic) {
			events.publishEvent(new PublicMessageChanged(now.id(), now.handlingAgencyId(), now.isPublic()));
		}
	}

	private MessageReply latestReply(Message m) {
		List<MessageReply> replies = messages.replies(m.id());
		return replies.get(replies.size() - 1);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private String newCode() {
		for (int attempt = 0; attempt < 10; attempt++) {
			StringBuilder sb = new StringBuilder("LY");
			for (int i = 0; i < 10; i++) {
				sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
			}
			if (!messages.codeExists(sb.toString())) {
				return sb.toString();
			}
		}
		throw new IllegalStateException("could not draw a free tracking code");
	}

	private static String limit(String value, int max, String field, String message) {
		if (value != null && value.length() > max) {
			throw InvalidInputException.of(field, message);
		}
		return value;
	}

	private static void range(List<FieldProblem> problems, String field, String label, int value, int min, int max) {
		if (value < min || value > max) {
			problems.add(new FieldProblem(field, label + "应在" + min + "至" + max + "之间"));
		}
	}

	private void audit(Actor actor, long agencyId, long id, String action, String summary) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, "Message", id, summary, null, null));
	}
}
