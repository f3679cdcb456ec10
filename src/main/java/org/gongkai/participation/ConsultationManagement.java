package org.gongkai.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

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
 * A consultation's life, one intention-named step at a time: draft and edit, publish, extend, close early, withdraw; the
 * public's comments and their moderation; the answers per group of comments, the summary and the publication of the
 * adoption feedback. Each step checks the actor and the state (by the injected clock, {@link ConsultationRules}),
 * validates before it writes, and is audited; every change the portal shows publishes
 * {@link PublicConsultationChanged}.
 */
@Service
@Transactional
public class ConsultationManagement {

	/** Staff who manage an agency's consultations. */
	static final Role[] STAFF = { Role.EDITOR, Role.AGENCY_ADMIN };

	/** Staff who may look at an agency's consultations in the console. */
	static final Role[] READERS = { Role.EDITOR, Role.AGENCY_ADMIN, Role.SUPERVISOR };

	/** The token scope of a system that manages participation records (identity.TokenScope.PARTICIPATION). */
	static final String SCOPE = "participation";

	/** A second identical comment on the same consultation within this window is a double submission. */
	static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final ConsultationStore store;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ParticipationLinks links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.gongkai.platform.FileStore files;

	ConsultationManagement(ConsultationStore store, AgencyDirectory agencies, AgencyAccess access, ParticipationLinks links,
			ApplicationEventPublisher events, Clock clock, org.gongkai.platform.FileStore files) {
		this.files = files;
		this.store = store;
		this.agencies = agencies;
		this.access = access;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	// ---- the consultation ------------------------------------------------------------------------------------

	/** A new consultation, saved as an unpublished draft. */
	public Consultation create(ConsultationInput in) {
		Agency agency = agencyOf(in.agency());
		Actor actor = requireStaff(agency.id());
		List<FieldProblem> problems = validate(in);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Consultation c = fromInput(0, agency.id(), in, actor.username(), now, now);
		long id = store.insert(c);
		audit(actor, agency.id(), id, "consultation.created", "新建意见征集（草稿）：" + c.title(), null, period(c));
		return store.find(id).orElseThrow();
	}

	/** Changes an unpublished draft; the agency stays. */
	public Consultation update(long id, ConsultationInput in) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		if (!Consultation.DRAFT.equals(c.lifecycle())) {
			throw new DomainException("意见征集发布后不能再修改内容；如需延长征集期限，请使用“延长征集期限”");
		}
		ConsultationInput kept = new ConsultationInput(agencies.findById(c.agencyId()).map(Agency::code).orElse(null), in.title(),
				in.draft(), in.basis(), in.explanation(), in.opensOn(), in.closesOn(), in.shortReason(), in.channelEmail(),
				in.channelPost(), in.channelFax(), in.channelPhone(), in.decisionId(), in.nameRule(), in.contactRule(),
				in.commentsPublic(), in.unreadable());
		List<FieldProblem> problems = validate(kept);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Consultation changed = fromInput(c.id(), c.agencyId(), kept, c.createdBy(), c.createdAt(), clock.instant());
		store.update(changed);
		audit(actor, c.agencyId(), id, "consultation.updated", "修改意见征集（草稿）：" + changed.title(), period(c), period(changed));
		return store.find(id).orElseThrow();
	}

	/**
	 * Publishes a draft: from now on it is on the portal, not started or open by its dates. The first day may not lie
	 * before the day of publication (the public would get a shorter period than announced). Published on its first day,
	 * that day is not counted (民法典 Art. 201, {@link ConsultationRules#needsShortReasonAtPublish}): a period that then
	 * falls short of 30 days needs the public reason, given here if the draft has none.
	 */
	public Consultation publish(long id) {
		return publish(id, null);
	}

	/** Publishes a draft, with the reason for a short period when publishing on the first day makes it short. */
	public Consultation publish(long id, String shortReason) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		if (!Consultation.DRAFT.equals(c.lifecycle())) {
			throw new DomainException("该意见征集已经发布或已撤回");
		}
		LocalDate today = today();
		if (c.opensOn().isBefore(today)) {
			throw InvalidInputException.of("opensOn", "征集开始日期早于今天，请修改为今天或以后的日期再发布");
		}
		String reason = c.shortReason();
		if (ConsultationRules.needsShortReasonAtPublish(c.opensOn(), c.closesOn(), today)) {
			String given = Texts.trimToNull(shortReason);
			reason = given != null ? given : reason;
			if (reason == null) {
				throw InvalidInputException.of("shortReason", "今天发布、今天开始征集的，发布当日不计入征集期限（《民法典》第二百零一条），"
						+ "实际征集期限少于30日：请说明缩短期限的原因（《重大行政决策程序暂行条例》第十四条），或推迟截止日期后再发布");
			}
			if (reason.length() > 2000) {
				throw InvalidInputException.of("shortReason", "缩短期限的原因不能超过2000个字");
			}
		}
		Instant now = clock.instant();
		Consultation published = copy(c, Consultation.PUBLISHED, now, c.closesOn(), reason, null, null, null, null,
				c.mainChanges(), null);
		store.update(published);
		audit(actor, c.agencyId(), id, "consultation.published", "发布意见征集：" + c.title(), "草稿", period(c));
		changed(published);
		return store.find(id).orElseThrow();
	}

	/**
	 * Extends the period of a published consultation that has not ended (the last day moves later, never earlier). A
	 * period still shorter than 30 days keeps needing its reason (Art. 14 ¶2), which may be updated here.
	 */
	public Consultation extend(long id, LocalDate closesOn, String shortReason) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		ConsultationStatus status = ConsultationRules.status(c, today());
		if (status != ConsultationStatus.NOT_STARTED && status != ConsultationStatus.OPEN) {
			throw new DomainException("只有未开始或征集中的意见征集可以延长征集期限");
		}
		if (closesOn == null) {
			throw InvalidInputException.of("closesOn", "请填写新的截止日期");
		}
		if (!closesOn.isAfter(c.closesOn())) {
			throw InvalidInputException.of("closesOn", "新的截止日期应晚于原截止日期" + c.closesOn());
		}
		if (ConsultationRules.periodDays(c.opensOn(), closesOn) > ConsultationRules.MAX_PERIOD_DAYS) {
			throw InvalidInputException.of("closesOn", "征集期限不能超过一年");
		}
		String reason = Texts.trimToNull(shortReason) == null ? c.shortReason() : Texts.trimToNull(shortReason);
		if (ConsultationRules.needsShortReason(c.opensOn(), closesOn) && reason == null) {
			throw InvalidInputException.of("shortReason", "征集期限少于30日，请说明缩短期限的原因（《重大行政决策程序暂行条例》第十四条）");
		}
		if (!ConsultationRules.needsShortReason(c.opensOn(), closesOn)) {
			reason = null;
		}
		Consultation extended = copy(c, c.lifecycle(), c.publishedAt(), closesOn, reason, null, null, null, null, c.mainChanges(),
				null);
		store.update(extended);
		audit(actor, c.agencyId(), id, "consultation.extended", "延长意见征集期限：" + c.title(), period(c), period(extended));
		changed(extended);
		return store.find(id).orElseThrow();
	}

	/**
	 * Ends an open consultation today, before its announced last day, with the reason the public reads next to the
	 * actual end (Art. 14 ¶2, {@link ConsultationRules#needsEarlyCloseReason}); the actual closing is recorded.
	 */
	public Consultation close(long id, String reason) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		LocalDate today = today();
		ConsultationStatus status = ConsultationRules.status(c, today);
		if (status != ConsultationStatus.OPEN) {
			throw new DomainException("只有征集中的意见征集可以提前结束（当前状态：" + status.label() + "）");
		}
		String r = Texts.trimToNull(reason);
		if (r == null && ConsultationRules.needsEarlyCloseReason(today, c.closesOn())) {
			throw InvalidInputException.of("reason", "提前结束征集会缩短已公布的征集期限，请说明提前结束的原因（《重大行政决策程序暂行条例》第十四条），该原因将在门户网站公开");
		}
		if (r != null && r.length() > 2000) {
			throw InvalidInputException.of("reason", "提前结束的原因不能超过2000个字");
		}
		Instant now = clock.instant();
		Consultation closed = new Consultation(c.id(), c.agencyId(), c.title(), c.draft(), c.basis(), c.explanation(), c.opensOn(),
				c.closesOn(), c.shortReason(), c.channelEmail(), c.channelPost(), c.channelFax(), c.channelPhone(), c.decisionId(),
				c.nameRule(), c.contactRule(), c.commentsPublic(), c.lifecycle(), c.publishedAt(), today, now, r, null, null,
				c.mainChanges(), null, c.createdBy(), c.createdAt(), now);
		store.update(closed);
		audit(actor, c.agencyId(), id, "consultation.closed", "提前结束意见征集：" + c.title() + "（原因：" + r + "）",
				"截止日期 " + c.closesOn(), "实际结束 " + today + "，原因：" + r);
		changed(closed);
		return store.find(id).orElseThrow();
	}

	/** Takes a published consultation off the portal, with a reason; comments and feedback stay for staff. */
	public Consultation withdraw(long id, String reason) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		if (!c.published()) {
			throw new DomainException(c.withdrawn() ? "该意见征集已撤回" : "尚未发布的意见征集无需撤回，可以继续修改");
		}
		String r = Texts.trimToNull(reason);
		if (r == null) {
			throw InvalidInputException.of("reason", "请填写撤回的理由");
		}
		if (r.length() > 2000) {
			throw InvalidInputException.of("reason", "撤回理由不能超过2000个字");
		}
		Instant now = clock.instant();
		Consultation withdrawn = copy(c, Consultation.WITHDRAWN, c.publishedAt(), c.closesOn(), c.shortReason(), c.closedEarlyOn(),
				c.closedEarlyAt(), now, r, c.mainChanges(), c.feedbackPublishedAt());
		store.update(withdrawn);
		audit(actor, c.agencyId(), id, "consultation.withdrawn", "撤回意见征集：" + c.title(), "已发布", "撤回：" + r);
		changed(withdrawn);
		return store.find(id).orElseThrow();
	}

	/** File types an attachment may have: documents, spreadsheets, images. */
	static final java.util.Map<String, String> ATTACHMENT_TYPES = java.util.Map.of("pdf", "application/pdf", "doc",
			"application/msword", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "xls",
			"application/vnd.ms-excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ofd",
			"application/ofd", "wps", "application/vnd.ms-works", "jpg", "image/jpeg", "png", "image/png", "txt",
			"text/plain;charset=UTF-8");

	static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

	/** Attaches a file to an unpublished draft; the file is removed again if the transaction rolls back. */
	public ConsultationAttachment addAttachment(long id, String fileName, byte[] content) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		if (!Consultation.DRAFT.equals(c.lifecycle())) {
			throw new DomainException("意见征集发布后不能再增删附件");
		}
		String name = Texts.trimToNull(fileName) == null ? null : fileName.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
		if (name == null || content == null || content.length == 0) {
			throw InvalidInputException.of("file", "请选择要上传的附件");
		}
		if (name.length() > 200) {
			throw InvalidInputException.of("file", "附件文件名不能超过200个字");
		}
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
		String type = ATTACHMENT_TYPES.get(ext);
		if (type == null) {
			throw InvalidInputException.of("file", "附件应为PDF、Word、WPS、OFD、Excel、JPG、PNG或TXT文件");
		}
		if (content.length > MAX_ATTACHMENT_BYTES) {
			throw InvalidInputException.of("file", "附件不能超过20MB");
		}
		String key = files.put(content, name);
		org.gongkai.platform.AfterTransaction.rollback(() -> files.delete(key));
		long aid = store.insertAttachment(new ConsultationAttachment(0, c.id(), name, type, content.length, key, actor.username(),
				clock.instant()));
		audit(actor, c.agencyId(), c.id(), "consultation.attachment.added", "上传附件：" + name, null, name);
		return store.attachment(aid).orElseThrow();
	}

	/** Removes an attachment from an unpublished draft; the file goes once the removal is committed. */
	public void removeAttachment(long attachmentId) {
		ConsultationAttachment a = store.attachment(attachmentId).orElseThrow(() -> DomainException.notFound("该附件不存在"));
		Consultation c = lock(a.consultationId());
		Actor actor = requireStaff(c.agencyId());
		if (!Consultation.DRAFT.equals(c.lifecycle())) {
			throw new DomainException("意见征集发布后不能再增删附件");
		}
		store.deleteAttachment(attachmentId);
		org.gongkai.platform.AfterTransaction.commit(() -> files.delete(a.storageKey()));
		audit(actor, c.agencyId(), c.id(), "consultation.attachment.removed", "删除附件：" + a.fileName(), a.fileName(), null);
	}

	// ---- comments --------------------------------------------------------------------------------------------

	/**
	 * A comment of the public, through the portal form ({@code WEB}) or the public API ({@code API}). 404 unless the
	 * consultation is public; 409 outside the period and for the same text again within 24 hours.
	 */
	public Comment comment(long consultationId, CommentInput in, String channel) {
		// locked like every other change: a close or the feedback waits, and so does a second identical submission,
		// which then sees the first one in the duplicate check below
		Consultation c = store.lock(consultationId)
			.filter(x -> ConsultationRules.status(x, today()).isPublic())
			.orElseThrow(() -> DomainException.notFound(ConsultationQueries.NOT_FOUND));
		LocalDate today = today();
		ConsultationStatus status = ConsultationRules.status(c, today);
		if (status == ConsultationStatus.NOT_STARTED) {
			throw new DomainException("该意见征集尚未开始，请在" + c.opensOn() + "至" + c.closesOn() + "期间提交意见");
		}
		if (status != ConsultationStatus.OPEN) {
			throw new DomainException("该意见征集已于" + c.effectiveClosesOn() + "结束，不再接收意见");
		}
		List<FieldProblem> problems = new ArrayList<>();
		Integer article = in.article();
		if (article != null && (article < 1 || article > c.articles().size())) {
			problems.add(new FieldProblem("article", "所选的条款不存在，请重新选择"));
		}
		String content = Texts.trimToNull(in.content());
		if (content == null) {
			problems.add(new FieldProblem("content", "请填写意见内容"));
		}
		else if (content.length() < 5) {
			problems.add(new FieldProblem("content", "意见内容至少5个字"));
		}
		else if (content.length() > 5000) {
			problems.add(new FieldProblem("content", "意见内容不能超过5000个字"));
		}
		String name = Texts.trimToNull(in.name());
		if (name == null && c.nameRule() == ConsultationFieldRule.REQUIRED) {
			problems.add(new FieldProblem("name", "请填写姓名（或单位名称）"));
		}
		else if (name != null && name.length() > 50) {
			problems.add(new FieldProblem("name", "姓名不能超过50个字"));
		}
		String contact = Texts.trimToNull(in.contact());
		if (contact == null && c.contactRule() == ConsultationFieldRule.REQUIRED) {
			problems.add(new FieldProblem("contact", "请填写联系电话或电子邮箱"));
		}
		else if (contact != null && (contact.length() > 200 || !(contact.matches("[0-9+\\- ]{7,20}") || EMAIL.matcher(contact).matches()))) {
			problems.add(new FieldProblem("contact", "联系方式格式不正确，请填写电话号码或电子邮箱"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		if (store.duplicateSince(c.id(), content, now.minus(DUPLICATE_WINDOW))) {
			throw new DomainException("您已提交过内容相同的意见，请勿重复提交");
		}
		long id = store.insertComment(new Comment(0, c.id(), article, content, name, contact, channel, CommentStatus.PENDING,
				null, null, null, null, null, now, null));
		audit(Actor.system(), c.agencyId(), c.id(), "consultation.comment.received", "收到意见（" + c.title() + "）", null,
				"意见编号 " + id);
		return store.comment(id).orElseThrow();
	}

	/**
	 * A comment that reached the agency by e-mail, letter, fax or telephone (the channels announced on the page), recorded
	 * by staff. It was received within the period ({@code receivedOn} not before the first day, not after the effective
	 * last day, not in the future) and lands as a valid comment ({@code ACCEPTED}), counted in the tally and in the
	 * completeness check of the feedback. Refused once the feedback is published.
	 */
	public Comment recordComment(long consultationId, String channel, LocalDate receivedOn, Integer article, String content,
			String name, String contact) {
		Consultation c = lock(consultationId);
		Actor actor = requireStaff(c.agencyId());
		requireNoFeedbackPublished(c);
		LocalDate today = today();
		ConsultationStatus status = ConsultationRules.status(c, today);
		if (status != ConsultationStatus.OPEN && status != ConsultationStatus.CLOSED) {
			throw new DomainException("只有征集中或已结束的意见征集可以登记其他渠道收到的意见（当前状态：" + status.label() + "）");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String ch = Texts.trimToNull(channel);
		if (ch == null || !Comment.OFFLINE_CHANNELS.contains(ch)) {
			problems.add(new FieldProblem("channel", "请选择收到意见的渠道：电子邮件、信函、传真或电话"));
		}
		if (receivedOn == null) {
			problems.add(new FieldProblem("receivedOn", "请填写收到意见的日期"));
		}
		else if (receivedOn.isBefore(c.opensOn()) || receivedOn.isAfter(c.effectiveClosesOn()) || receivedOn.isAfter(today)) {
			problems.add(new FieldProblem("receivedOn", "收到意见的日期应在征集期内（" + c.opensOn() + "至" + c.effectiveClosesOn()
					+ "），且不晚于今天"));
		}
		if (article != null && (article < 1 || article > c.articles().size())) {
			problems.add(new FieldProblem("article", "所选的条款不存在，请重新选择"));
		}
		String text = Texts.trimToNull(content);
		if (text == null) {
			problems.add(new FieldProblem("content", "请填写意见内容"));
		}
		else if (text.length() > 5000) {
			problems.add(new FieldProblem("content", "意见内容不能超过5000个字"));
		}
		String n = Texts.trimToNull(name);
		if (n != null && n.length() > 50) {
			problems.add(new FieldProblem("name", "姓名不能超过50个字"));
		}
		String k = Texts.trimToNull(contact);
		if (k != null && k.length() > 200) {
			problems.add(new FieldProblem("contact", "联系方式不能超过200个字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		long id = store.insertComment(new Comment(0, c.id(), article, text, n, k, ch, CommentStatus.ACCEPTED, null, null,
				actor.username(), now, null, now, receivedOn));
		Comment saved = store.comment(id).orElseThrow();
		audit(actor, c.agencyId(), c.id(), "consultation.comment.recorded",
				"登记" + saved.channelLabel() + "收到的意见（" + c.title() + "）", null, "意见编号 " + id + "，收到日期 " + receivedOn);
		changed(c);
		return saved;
	}

	/** Moderation: the comment is a valid comment (有效意见) and counts in the feedback. */
	public Comment accept(long commentId) {
		Consultation c = lock(commentConsultation(commentId));
		Actor actor = requireStaff(c.agencyId());
		pendingComment(commentId);
		requireNoFeedbackPublished(c);
		store.moderate(commentId, CommentStatus.ACCEPTED, null, null, actor.username(), clock.instant());
		audit(actor, c.agencyId(), c.id(), "consultation.comment.accepted", "意见审核通过（意见编号 " + commentId + "）", "待审核", "有效意见");
		changed(c);
		return store.comment(commentId).orElseThrow();
	}

	/** Moderation: the comment is not taken up, with one of the reasons ({@code OTHER} needs a note). */
	public Comment reject(long commentId, CommentRejection reason, String note) {
		Consultation c = lock(commentConsultation(commentId));
		Actor actor = requireStaff(c.agencyId());
		pendingComment(commentId);
		requireNoFeedbackPublished(c);
		String n = Texts.trimToNull(note);
		if (reason == null) {
			throw InvalidInputException.of("reason", "请选择审核不通过的理由");
		}
		if (reason == CommentRejection.OTHER && n == null) {
			throw InvalidInputException.of("note", "选择“其他”时请说明理由");
		}
		if (n != null && n.length() > 1000) {
			throw InvalidInputException.of("note", "说明不能超过1000个字");
		}
		store.moderate(commentId, CommentStatus.REJECTED, reason, n, actor.username(), clock.instant());
		audit(actor, c.agencyId(), c.id(), "consultation.comment.rejected",
				"意见审核不通过（意见编号 " + commentId + "）：" + reason.label() + (n == null ? "" : "，" + n), "待审核", "审核不通过");
		changed(c);
		return store.comment(commentId).orElseThrow();
	}

	// ---- feedback --------------------------------------------------------------------------------------------

	/**
	 * Answers one or more accepted comments together (a group of similar comments, or a single one): the topic sums them
	 * up (for a single comment it may be left empty), the outcome, and the reason for 部分采纳 and 不予采纳.
	 */
	public AdoptionFeedback answer(long consultationId, List<Long> commentIds, String topic, AdoptionFeedbackOutcome outcome,
			String reason) {
		Consultation c = lock(consultationId);
		Actor actor = requireStaff(c.agencyId());
		requireClosedWithoutFeedback(c);
		List<FieldProblem> problems = new ArrayList<>();
		LinkedHashSet<Long> ids = new LinkedHashSet<>(commentIds == null ? List.of() : commentIds);
		List<Comment> chosen = new ArrayList<>();
		for (Long cid : ids) {
			Comment x = cid == null ? null : store.comment(cid).orElse(null);
			if (x == null || x.consultationId() != c.id() || x.status() != CommentStatus.ACCEPTED) {
				problems.add(new FieldProblem("comments", "所选意见不存在或不是审核通过的有效意见"));
				break;
			}
			if (x.feedbackId() != null) {
				problems.add(new FieldProblem("comments", "意见编号 " + x.id() + " 已经作出反馈，请先撤销原反馈"));
				break;
			}
			chosen.add(x);
		}
		if (ids.isEmpty()) {
			problems.add(new FieldProblem("comments", "请至少选择一条意见"));
		}
		String t = Texts.trimToNull(topic);
		if (t == null && chosen.size() > 1) {
			problems.add(new FieldProblem("topic", "多条意见合并反馈时，请概括这组意见的主要内容"));
		}
		else if (t != null && t.length() > 500) {
			problems.add(new FieldProblem("topic", "意见概括不能超过500个字"));
		}
		if (outcome == null) {
			problems.add(new FieldProblem("outcome", "请选择采纳情况"));
		}
		String r = Texts.trimToNull(reason);
		if (outcome != null && outcome.needsReason() && r == null) {
			problems.add(new FieldProblem("reason", outcome.label() + "的，请说明理由"));
		}
		else if (r != null && r.length() > 4000) {
			problems.add(new FieldProblem("reason", "理由不能超过4000个字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (t == null) {
			String only = PersonalDataScanner.mask(chosen.get(0).content());
			t = only.length() > 60 ? only.substring(0, 60) + "……" : only;
		}
		long id = store.insertFeedback(new AdoptionFeedback(0, c.id(), t, outcome, r, actor.username(), clock.instant()));
		for (Comment x : chosen) {
			store.assignFeedback(x.id(), id);
		}
		audit(actor, c.agencyId(), c.id(), "consultation.feedback.answered",
				"意见反馈：" + outcome.label() + "（" + chosen.size() + "条意见）", null, t);
		return store.feedback(id).orElseThrow();
	}

	/** Takes an answer back before the feedback is published; its comments are unanswered again. */
	public void removeAnswer(long feedbackId) {
		AdoptionFeedback f = store.feedback(feedbackId).orElseThrow(() -> DomainException.notFound("该反馈不存在"));
		Consultation c = lock(f.consultationId());
		Actor actor = requireStaff(c.agencyId());
		requireClosedWithoutFeedback(c);
		store.deleteFeedback(feedbackId);
		audit(actor, c.agencyId(), c.id(), "consultation.feedback.removed", "撤销意见反馈：" + f.topic(), f.outcome().label(), null);
	}

	/** The main changes to the draft after the comments: the text of the summary 意见收集和采纳情况. */
	public Consultation saveSummary(long id, String mainChanges) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		requireClosedWithoutFeedback(c);
		String m = Texts.trimToNull(mainChanges);
		if (m == null) {
			throw InvalidInputException.of("mainChanges", "请填写对决策草案的主要修改情况（没有修改的也请说明）");
		}
		if (m.length() > 10000) {
			throw InvalidInputException.of("mainChanges", "主要修改情况不能超过10000个字");
		}
		Consultation saved = copy(c, c.lifecycle(), c.publishedAt(), c.closesOn(), c.shortReason(), c.closedEarlyOn(),
				c.closedEarlyAt(), null, null, m, null);
		store.update(saved);
		audit(actor, c.agencyId(), id, "consultation.summary.saved", "填写意见收集和采纳情况：" + c.title(), c.mainChanges(), m);
		return store.find(id).orElseThrow();
	}

	/**
	 * Publishes the adoption feedback (已反馈). Refused (409) unless the consultation has closed, no comment waits for
	 * moderation, every accepted comment is answered and the summary text is written (Art. 15).
	 */
	public Consultation publishFeedback(long id) {
		Consultation c = lock(id);
		Actor actor = requireStaff(c.agencyId());
		requireClosedWithoutFeedback(c);
		List<Comment> comments = store.comments(id);
		long pending = comments.stream().filter(x -> x.status() == CommentStatus.PENDING).count();
		if (pending > 0) {
			throw new DomainException("还有" + pending + "条意见未审核，审核完毕后才能公布反馈");
		}
		long unanswered = comments.stream().filter(x -> x.status() == CommentStatus.ACCEPTED && x.feedbackId() == null).count();
		if (unanswered > 0) {
			throw new DomainException("还有" + unanswered + "条有效意见未作出采纳情况反馈，逐条（或归纳后）反馈后才能公布");
		}
		if (Texts.trimToNull(c.mainChanges()) == null) {
			throw new DomainException("请先填写意见收集和采纳情况说明（对决策草案的主要修改情况），再公布反馈");
		}
		Instant now = clock.instant();
		Consultation published = copy(c, c.lifecycle(), c.publishedAt(), c.closesOn(), c.shortReason(), c.closedEarlyOn(),
				c.closedEarlyAt(), null, null, c.mainChanges(), now);
		store.update(published);
		audit(actor, c.agencyId(), id, "consultation.feedback.published", "公布意见收集和采纳情况：" + c.title(), "已结束", "已反馈");
		changed(published);
		return store.find(id).orElseThrow();
	}

	// ---- helpers ---------------------------------------------------------------------------------------------

	private List<FieldProblem> validate(ConsultationInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		for (String f : in.unreadable()) {
			problems.add(new FieldProblem(f, switch (f) {
				case "opensOn", "closesOn" -> "日期格式不正确，应为年-月-日，如2026-12-01";
				case "decisionId" -> "所选的关联决策事项不存在";
				default -> "填写的内容无法识别";
			}));
		}
		String title = Texts.trimToNull(in.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "请填写标题"));
		}
		else if (title.length() > 200) {
			problems.add(new FieldProblem("title", "标题不能超过200个字"));
		}
		String draft = Texts.trimToNull(in.draft());
		if (draft == null) {
			problems.add(new FieldProblem("draft", "请填写征求意见稿全文"));
		}
		else if (draft.length() > 200_000) {
			problems.add(new FieldProblem("draft", "征求意见稿不能超过20万字"));
		}
		if (Texts.trimToNull(in.explanation()) == null) {
			problems.add(new FieldProblem("explanation", "请填写起草说明"));
		}
		if (in.opensOn() == null && !in.unreadable().contains("opensOn")) {
			problems.add(new FieldProblem("opensOn", "请填写征集开始日期"));
		}
		if (in.closesOn() == null && !in.unreadable().contains("closesOn")) {
			problems.add(new FieldProblem("closesOn", "请填写征集截止日期"));
		}
		if (in.opensOn() != null && in.closesOn() != null) {
			if (in.closesOn().isBefore(in.opensOn())) {
				problems.add(new FieldProblem("closesOn", "截止日期不能早于开始日期"));
			}
			else if (ConsultationRules.needsShortReason(in.opensOn(), in.closesOn()) && Texts.trimToNull(in.shortReason()) == null) {
				problems.add(new FieldProblem("shortReason", "征集期限为" + ConsultationRules.periodDays(in.opensOn(), in.closesOn())
						+ "日，少于30日，请说明缩短期限的原因（《重大行政决策程序暂行条例》第十四条）"));
			}
			else if (ConsultationRules.periodDays(in.opensOn(), in.closesOn()) > ConsultationRules.MAX_PERIOD_DAYS) {
				problems.add(new FieldProblem("closesOn", "征集期限不能超过一年"));
			}
		}
		String email = Texts.trimToNull(in.channelEmail());
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			problems.add(new FieldProblem("channelEmail", "电子邮箱格式不正确"));
		}
		limit(problems, in.channelPost(), 300, "channelPost", "通信地址不能超过300个字");
		limit(problems, in.channelFax(), 50, "channelFax", "传真号码不能超过50个字");
		limit(problems, in.channelPhone(), 50, "channelPhone", "联系电话不能超过50个字");
		limit(problems, in.shortReason(), 2000, "shortReason", "缩短期限的原因不能超过2000个字");
		if (in.nameRule() == null) {
			problems.add(new FieldProblem("nameRule", "请选择姓名是否必填"));
		}
		if (in.contactRule() == null) {
			problems.add(new FieldProblem("contactRule", "请选择联系方式是否必填"));
		}
		if (in.decisionId() != null) {
			try {
				links.require("decisionId", "decision", in.decisionId());
			}
			catch (InvalidInputException e) {
				problems.addAll(e.problems());
			}
		}
		return problems;
	}

	private static void limit(List<FieldProblem> problems, String value, int max, String field, String message) {
		String v = Texts.trimToNull(value);
		if (v != null && v.length() > max) {
			problems.add(new FieldProblem(field, message));
		}
	}

	private Consultation fromInput(long id, long agencyId, ConsultationInput in, String createdBy, Instant createdAt,
			Instant updatedAt) {
		String reason = ConsultationRules.needsShortReason(in.opensOn(), in.closesOn()) ? Texts.trimToNull(in.shortReason()) : null;
		return new Consultation(id, agencyId, Texts.trimToNull(in.title()), in.draft().strip(), Texts.trimToNull(in.basis()),
				Texts.trimToNull(in.explanation()), in.opensOn(), in.closesOn(), reason, Texts.trimToNull(in.channelEmail()),
				Texts.trimToNull(in.channelPost()), Texts.trimToNull(in.channelFax()), Texts.trimToNull(in.channelPhone()),
				in.decisionId(), in.nameRule(), in.contactRule(), in.commentsPublic(), Consultation.DRAFT, null, null, null, null,
				null, null, null, null, createdBy, createdAt, updatedAt);
	}

	private Consultation copy(Consultation c, String lifecycle, Instant publishedAt, LocalDate closesOn, String shortReason,
			LocalDate closedEarlyOn, Instant closedEarlyAt, Instant withdrawnAt, String withdrawalReason, String mainChanges,
			Instant feedbackPublishedAt) {
		return new Consultation(c.id(), c.agencyId(), c.title(), c.draft(), c.basis(), c.explanation(), c.opensOn(), closesOn,
				shortReason, c.channelEmail(), c.channelPost(), c.channelFax(), c.channelPhone(), c.decisionId(), c.nameRule(),
				c.contactRule(), c.commentsPublic(), lifecycle, publishedAt, closedEarlyOn, closedEarlyAt,
				closedEarlyOn == null ? null : c.closedEarlyReason(), withdrawnAt,
				withdrawalReason, mainChanges, feedbackPublishedAt, c.createdBy(), c.createdAt(), clock.instant());
	}

	/** The consultation a comment belongs to, read before the consultation is locked. */
	private long commentConsultation(long commentId) {
		return store.comment(commentId).map(Comment::consultationId).orElseThrow(() -> DomainException.notFound("该意见不存在"));
	}

	/** The comment, read again under the consultation's lock: it must still wait for moderation. */
	private Comment pendingComment(long commentId) {
		Comment comment = store.comment(commentId).orElseThrow(() -> DomainException.notFound("该意见不存在"));
		if (comment.status() != CommentStatus.PENDING) {
			throw new DomainException("该意见已经审核过（" + comment.status().label() + "）");
		}
		return comment;
	}

	private void requireNoFeedbackPublished(Consultation c) {
		if (!c.published() || c.feedbackPublishedAt() != null) {
			throw new DomainException("该意见征集已公布反馈或已撤回，不能再审核意见");
		}
	}

	private void requireClosedWithoutFeedback(Consultation c) {
		ConsultationStatus status = ConsultationRules.status(c, today());
		if (status != ConsultationStatus.CLOSED) {
			throw new DomainException(status == ConsultationStatus.FEEDBACK_PUBLISHED ? "采纳情况反馈已经公布"
					: "征集结束后才能反馈采纳情况（当前状态：" + status.label() + "）");
		}
	}

	private Agency agencyOf(String code) {
		String c = Texts.trimToNull(code);
		if (c == null) {
			throw InvalidInputException.of("agency", "请选择单位");
		}
		return agencies.findByCode(c).filter(Agency::active).orElseThrow(() -> InvalidInputException.of("agency", "没有找到这个单位，或该单位已撤销"));
	}

	/** Editors and administrators of the agency, or the agency's own integration token with the participation scope. */
	private Actor requireStaff(long agencyId) {
		Actor actor = Actors.require();
		if (actor.token() ? actor.hasScope(SCOPE) && actor.agencyId() != null && actor.agencyId() == agencyId
				: access.allows(actor, agencyId, STAFF)) {
			return actor;
		}
		throw DomainException.forbidden("您没有管理该单位意见征集的权限");
	}

	private Consultation lock(long id) {
		return store.lock(id).orElseThrow(() -> DomainException.notFound("该意见征集不存在"));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static String period(Consultation c) {
		return c.opensOn() + " 至 " + c.closesOn();
	}

	private void changed(Consultation c) {
		events.publishEvent(new PublicConsultationChanged(c.id(), c.agencyId(), ConsultationRules.status(c, today()).isPublic()));
	}

	private void audit(Actor actor, long agencyId, long id, String action, String summary, String before, String after) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, "Consultation", id, summary, before, after));
	}
}
