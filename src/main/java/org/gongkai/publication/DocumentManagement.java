package org.gongkai.publication;

import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.HtmlBodies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogNode;
import org.gongkai.catalog.NodeKind;
import org.gongkai.catalog.Themes;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a government information item. Every transition is an intention-named method that checks
 * the actor's role for the item's agency and the current status, validates before it writes, records the
 * step in the item's history and in the audit trail, and announces changes to public surfaces.
 */
@Service
@Transactional
public class DocumentManagement {

	private final Documents documents;

	private final Attachments attachments;

	private final FileStore files;

	private final IndexNumbers indexNumbers;

	private final SensitiveWords sensitiveWords;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final Catalog catalog;

	private final Themes themes;

	private final WorkingDayCalendar calendar;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<PublicationGate> gates;

	DocumentManagement(Documents documents, Attachments attachments, FileStore files, IndexNumbers indexNumbers,
			SensitiveWords sensitiveWords, AgencyAccess access, AgencyDirectory agencies, Catalog catalog, Themes themes,
			WorkingDayCalendar calendar, ApplicationEventPublisher events, Clock clock,
			org.springframework.beans.factory.ObjectProvider<PublicationGate> gates) {
		this.gates = gates;
		this.documents = documents;
		this.attachments = attachments;
		this.files = files;
		this.indexNumbers = indexNumbers;
		this.sensitiveWords = sensitiveWords;
		this.access = access;
		this.agencies = agencies;
		this.catalog = catalog;
		this.themes = themes;
		this.calendar = calendar;
		this.events = events;
		this.clock = clock;
	}

	// ---- drafting ---------------------------------------------------------------------------------

	public Document createDraft(long agencyId, DocumentDraft draft) {
		Actor actor = access.require(agencyId, Role.EDITOR, Role.AGENCY_ADMIN);
		Agency agency = activeAgency(agencyId);
		Instant now = clock.instant();
		Document created = build(agency, null, draft, DocumentStatus.DRAFT, actor.username(), now, false);
		long id = documents.insert(created);
		history(id, actor, now, "created", null, DocumentStatus.DRAFT, null, null);
		audit(actor, agencyId, id, "document.created", "新建信息“" + created.title() + "”", null, null);
		return load(id);
	}

	public Document updateDraft(long id, DocumentDraft draft) {
		Document current = lock(id);
		Actor actor = access.require(current.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!current.status().isEditable()) {
			throw new DomainException("“" + current.status().label() + "”状态的信息不能直接修改；已公开的信息请使用“更正”");
		}
		Document changed = build(activeAgency(current.agencyId()), current, draft, current.status(), current.createdBy(),
				current.createdAt(), false);
		documents.update(changed);
		audit(actor, current.agencyId(), id, "document.updated", "修改信息“" + changed.title() + "”", current.title(),
				changed.title());
		return load(id);
	}

	public Attachment attach(long id, String fileName, byte[] content) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!doc.status().isEditable()) {
			throw new DomainException("只有草稿或被退回的信息可以添加附件");
		}
		String contentType = AttachmentFiles.verify(fileName, content);
		String text = AttachmentFiles.text(fileName, content).orElse(null);
		String key = files.put(content, fileName);
		org.gongkai.platform.AfterTransaction.rollback(() -> files.delete(key));
		int sort = attachments.of(id).size() + 1;
		Instant now = clock.instant();
		long attachmentId = attachments.insert(new Attachment(0, id, fileName.trim(), contentType, content.length, key,
				sha256(content), text, sort, actor.username(), now));
		audit(actor, doc.agencyId(), id, "document.attachment-added", "为“" + doc.title() + "”添加附件“" + fileName + "”", null,
				fileName);
		return attachments.find(id, attachmentId).orElseThrow();
	}

	public void removeAttachment(long id, long attachmentId) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!doc.status().isEditable()) {
			throw new DomainException("只有草稿或被退回的信息可以删除附件");
		}
		Attachment a = attachments.find(id, attachmentId).orElseThrow(() -> DomainException.notFound("该附件不存在"));
		attachments.delete(attachmentId);
		org.gongkai.platform.AfterTransaction.commit(() -> files.delete(a.storageKey()));
		audit(actor, doc.agencyId(), id, "document.attachment-removed", "删除“" + doc.title() + "”的附件“" + a.fileName() + "”",
				a.fileName(), null);
	}

	// ---- review and approval ------------------------------------------------------------------------

	/** Sends the item for attribute review; refused without a disclosure attribute (and a ground for 不予公开). */
	public Document submit(long id) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		requireTransition(doc, DocumentStatus.SUBMITTED);
		List<FieldProblem> problems = new ArrayList<>();
		completeness(doc, problems);
		problems.addAll(submitGateProblems(doc));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return move(doc, actor, DocumentStatus.SUBMITTED, "submitted", null, null, "提交审查");
	}

	/** The attribute review and confidentiality check by a named reviewer: all four gates must pass. */
	public Document review(long id, ReviewChecks checks, String note) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.REVIEWER);
		requireTransition(doc, DocumentStatus.REVIEWED);
		if (actor.username().equals(doc.createdBy())) {
			throw new DomainException("起草人不能审查自己起草的信息，请由其他审核人审查");
		}
		if (checks == null || !checks.allPassed()) {
			throw InvalidInputException.of("checks", "政治关、法律关、保密关、文字关须全部审查通过；未通过的请“退回修改”并写明理由");
		}
		return move(doc, actor, DocumentStatus.REVIEWED, "reviewed", checks, note, "审查通过");
	}

	/** 退文: back to the drafter with a reason. */
	public Document returnToDrafter(long id, String reason) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.REVIEWER, Role.APPROVER);
		requireTransition(doc, DocumentStatus.RETURNED);
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw InvalidInputException.of("reason", "请写明退回理由（不超过1000字）");
		}
		Document withReason = copy(doc, b -> b.returnedReason = reason.trim());
		documents.update(withReason);
		return move(withReason, actor, DocumentStatus.RETURNED, "returned", null, reason.trim(), "退回修改");
	}

	/**
	 * The approving leader's decision: the item takes its final state by its attribute — published,
	 * listed in the on-request catalogue, or withheld — and gets its index number.
	 */
	public Document approve(long id, String note) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER);
		DocumentStatus target = finalStateFor(doc.attribute());
		requireTransition(doc, target);
		boolean reviewedBySelf = documents.history(id).stream()
			.anyMatch(h -> "reviewed".equals(h.action()) && h.actor().equals(actor.username()));
		if (reviewedBySelf || actor.username().equals(doc.createdBy())) {
			throw new DomainException("审批人不能审批自己起草或审查的信息");
		}
		return finish(doc, actor, target, "approved", note);
	}

	/** An OA push of an item the OA workflow already reviewed: straight to its final state. */
	Document finishFromIntake(Document doc, Actor actor) {
		return finish(doc, actor, finalStateFor(doc.attribute()), "intake-published", "办公系统推送，已在办公系统完成公开属性审查");
	}

	/** What the gates of other modules require with a submission (e.g. the interpretation plan). */
	List<FieldProblem> submitGateProblems(Document doc) {
		List<FieldProblem> problems = new ArrayList<>();
		gates.orderedStream().forEach(g -> problems.addAll(g.beforeSubmit(doc)));
		return problems;
	}

	/** What the gates of other modules (三同步 and the like) still require before the item may be published. */
	List<FieldProblem> gateProblems(Document doc) {
		List<FieldProblem> problems = new ArrayList<>();
		gates.orderedStream().forEach(g -> problems.addAll(g.beforePublishing(doc)));
		return problems;
	}

	private Document finish(Document doc, Actor actor, DocumentStatus target, String action, String note) {
		if (target == DocumentStatus.PUBLISHED) {
			List<FieldProblem> required = gateProblems(doc);
			if (!required.isEmpty()) {
				throw new InvalidInputException(required);
			}
			PrePublicationCheck check = check(doc);
			if (check.blocksPublishing()) {
				throw new DomainException(check.reason());
			}
		}
		else if (target == DocumentStatus.LISTED) {
			// only the index number, title and date are published in the on-request catalogue
			PrePublicationCheck title = titleCheck(doc);
			if (title.blocksPublishing()) {
				throw new DomainException("依申请公开目录将公布标题：" + title.reason());
			}
		}
		Agency agency = activeAgency(doc.agencyId());
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		Instant now = clock.instant();
		String index = doc.indexNumber() != null ? doc.indexNumber() : indexNumbers.next(agency, today);
		Document approved = copy(doc, b -> {
			b.indexNumber = index;
			if (target == DocumentStatus.PUBLISHED || target == DocumentStatus.LISTED) {
				// for an on-request item this is the day it entered the on-request catalogue
				b.publishedOn = today;
				b.publishedAt = now;
			}
		});
		documents.update(approved);
		Document moved = move(approved, actor, target, action, null, note, switch (target) {
			case PUBLISHED -> "审批通过并公开";
			case LISTED -> "审批通过，列入依申请公开目录";
			default -> "审批通过，不予公开";
		});
		return moved;
	}

	/** Art. 18 re-assessment: an item withheld or available on request becomes public. */
	public Document disclose(long id, String reason) {
		return disclose(id, reason, List.of());
	}

	/** As {@link #disclose(long, String)}, filing the item under these catalogue nodes first. */
	public Document disclose(long id, String reason, List<String> nodeCodes) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER);
		requireTransition(doc, DocumentStatus.PUBLISHED);
		if (doc.status() != DocumentStatus.LISTED && doc.status() != DocumentStatus.WITHHELD) {
			throw new DomainException("只有依申请公开或不予公开的信息可以转为主动公开");
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "请写明转为主动公开的理由（条例第十八条动态调整）");
		}
		List<Long> filing = new ArrayList<>(doc.nodeIds());
		for (String code : nodeCodes == null ? List.<String>of() : nodeCodes) {
			if (code == null || code.isBlank()) {
				continue;
			}
			CatalogNode node = catalog.node(doc.agencyId(), code.trim())
				.filter(n -> n.kind() != NodeKind.GUIDE && n.kind() != NodeKind.ON_REQUEST)
				.orElseThrow(() -> InvalidInputException.of("catalogNodes", "公开目录中没有代码为“" + code + "”的栏目"));
			if (!filing.contains(node.id())) {
				filing.add(node.id());
			}
		}
		if (filing.isEmpty()) {
			throw InvalidInputException.of("catalogNodes", "转为主动公开前请先为该信息选择公开目录栏目");
		}
		Document proactive = copy(doc, b -> {
			b.nodeIds = filing;
			b.attribute = DisclosureAttribute.PROACTIVE;
			b.exemptionGround = null;
			b.exemptionReason = null;
		});
		documents.update(proactive);
		return finish(proactive, actor, DocumentStatus.PUBLISHED, "disclosed", reason.trim());
	}

	/** Takes a published item off every public surface; the record and its history stay. */
	public Document withdraw(long id, String reason) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		requireTransition(doc, DocumentStatus.WITHDRAWN);
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw InvalidInputException.of("reason", "请写明撤回理由（不超过1000字）");
		}
		Document withReason = copy(doc, b -> b.withdrawnReason = reason.trim());
		documents.update(withReason);
		return move(withReason, actor, DocumentStatus.WITHDRAWN, "withdrawn", null, reason.trim(), "撤回");
	}

	/** A correction of a published item: the new text is public at once, the replaced version is kept. */
	public Document correct(long id, DocumentDraft changes, String note) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		if (doc.status() != DocumentStatus.PUBLISHED) {
			throw new DomainException("只有已公开的信息可以更正");
		}
		if (note == null || note.isBlank() || note.length() > 1000) {
			throw InvalidInputException.of("note", "请写明更正说明（将在信息页面上显示，不超过1000字）");
		}
		Instant now = clock.instant();
		// a correction changes the content, never the disclosure attribute of a public item
		DocumentDraft proactive = new DocumentDraft(changes.title(), changes.summary(), changes.body(), changes.issuingOrgan(),
				changes.documentNumber(), changes.writtenOn(), changes.formedOn(), changes.theme(), changes.documentType(),
				changes.keywords(), changes.normative(), changes.governmentRule(), changes.catalogNodes(),
				DisclosureAttribute.PROACTIVE, null, null, changes.repostSource(), changes.repostSourceUrl(),
				changes.repostOriginalOn());
		Document corrected = build(activeAgency(doc.agencyId()), doc, proactive, DocumentStatus.PUBLISHED, doc.createdBy(),
				doc.createdAt(), true);
		List<FieldProblem> incomplete = new ArrayList<>();
		completeness(corrected, incomplete);
		if (!incomplete.isEmpty()) {
			throw new InvalidInputException(incomplete);
		}
		Document next = copy(corrected, b -> {
			b.version = doc.version() + 1;
			b.correctionNote = note.trim();
		});
		PrePublicationCheck check = check(next);
		if (check.blocksPublishing()) {
			throw new DomainException(check.reason());
		}
		documents.addVersion(doc, note.trim(), now, actor.username());
		documents.update(next);
		history(id, actor, now, "corrected", DocumentStatus.PUBLISHED, DocumentStatus.PUBLISHED, null, note.trim());
		audit(actor, doc.agencyId(), id, "document.corrected", "更正已公开信息“" + next.title() + "”（第" + next.version() + "版）",
				"第" + doc.version() + "版：" + doc.title(), "第" + next.version() + "版：" + next.title());
		announce(doc, next);
		return load(id);
	}

	/** Marks an item lapsed or repealed (or in force again), with the date and basis shown on its page. */
	public Document changeValidity(long id, Validity validity, LocalDate on, String note) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		return applyValidity(doc, actor, validity, on, note, "document.validity-changed");
	}

	Document applyValidity(Document doc, Actor actor, Validity validity, LocalDate on, String note, String action) {
		if (validity == null) {
			throw InvalidInputException.of("validity", "请选择有效性");
		}
		if (validity != Validity.IN_FORCE && on == null) {
			throw InvalidInputException.of("validityChangedOn", "标记为失效或废止须填写日期");
		}
		Document changed = copy(doc, b -> {
			b.validity = validity;
			b.validityChangedOn = validity == Validity.IN_FORCE ? null : on;
			b.validityNote = note == null || note.isBlank() ? null : note.trim();
		});
		documents.update(changed);
		history(doc.id(), actor, clock.instant(), "validity", doc.status(), doc.status(), null,
				validity.label() + (on == null ? "" : "（" + on + "）") + (note == null ? "" : " " + note));
		audit(actor, doc.agencyId(), doc.id(), action, "将“" + doc.title() + "”标记为" + validity.label(), doc.validity().label(),
				validity.label() + (on == null ? "" : " " + on));
		announce(doc, changed);
		return load(doc.id());
	}

	// ---- personal data --------------------------------------------------------------------------------

	/** Replaces every personal datum found in title, summary and body with its masked form. */
	public Document maskPersonalData(long id) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.EDITOR, Role.REVIEWER, Role.AGENCY_ADMIN);
		if (!doc.status().isEditable() && doc.status() != DocumentStatus.SUBMITTED) {
			throw new DomainException("审查通过后的信息不能再直接修改；请退回修改，已公开的信息请使用“更正”");
		}
		Document masked = copy(doc, b -> {
			b.title = PersonalDataScanner.mask(doc.title());
			b.summary = PersonalDataScanner.mask(doc.summary());
			b.body = PersonalDataScanner.maskHtml(doc.body());
		});
		documents.update(masked);
		history(id, actor, clock.instant(), "masked", doc.status(), doc.status(), null, "个人信息脱敏");
		audit(actor, doc.agencyId(), id, "document.personal-data-masked", "对“" + doc.title() + "”中的个人信息作脱敏处理", null, null);
		return load(id);
	}

	/** The approving leader confirms that the personal data found may be published (e.g. a legal duty to publish it). */
	public Document confirmPersonalData(long id, String reason) {
		Document doc = lock(id);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER);
		if (reason == null || reason.isBlank() || reason.length() > 900) {
			throw InvalidInputException.of("reason", "请写明可以公开这些个人信息的依据（不超过900字）");
		}
		Document confirmed = copy(doc, b -> b.personalDataConfirmation = actor.username() + "：" + reason.trim());
		documents.update(confirmed);
		history(id, actor, clock.instant(), "personal-data-confirmed", doc.status(), doc.status(), null, reason.trim());
		audit(actor, doc.agencyId(), id, "document.personal-data-confirmed", "确认“" + doc.title() + "”中的个人信息可以公开", null,
				reason.trim());
		return load(id);
	}

	@Transactional(readOnly = true)
	public PrePublicationCheck check(long id) {
		return check(read(id));
	}

	PrePublicationCheck titleCheck(Document doc) {
		return new PrePublicationCheck(PersonalDataScanner.scan(doc.title(), "标题"), doc.personalDataConfirmation() != null,
				sensitiveWords.check(doc.title(), "标题"));
	}

	PrePublicationCheck check(Document doc) {
		List<PersonalDataScanner.Finding> personal = new ArrayList<>();
		personal.addAll(PersonalDataScanner.scan(doc.title(), "标题"));
		personal.addAll(PersonalDataScanner.scan(doc.summary(), "摘要"));
		personal.addAll(PersonalDataScanner.scanHtml(doc.body(), "正文"));
		List<SensitiveWords.Hit> words = new ArrayList<>();
		words.addAll(sensitiveWords.check(doc.title(), "标题"));
		words.addAll(sensitiveWords.check(doc.summary(), "摘要"));
		words.addAll(sensitiveWords.check(HtmlBodies.text(doc.body()), "正文"));
		for (Attachment a : attachments.of(doc.id())) {
			personal.addAll(PersonalDataScanner.scan(a.extractedText(), "附件“" + a.fileName() + "”"));
			words.addAll(sensitiveWords.check(a.extractedText(), "附件“" + a.fileName() + "”"));
		}
		return new PrePublicationCheck(personal, doc.personalDataConfirmation() != null, words);
	}

	// ---- internals ----------------------------------------------------------------------------------

	/** The item, locked for this transaction: concurrent changes of one item happen one after the other. */
	Document lock(long id) {
		return documents.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound("该信息不存在"));
	}

	Document read(long id) {
		return documents.findById(id).orElseThrow(() -> DomainException.notFound("该信息不存在"));
	}

	Document load(long id) {
		return read(id);
	}

	private Agency activeAgency(long agencyId) {
		Agency agency = agencies.requireById(agencyId);
		if (!agency.active()) {
			throw new DomainException("该单位已撤销，不能再发布信息");
		}
		return agency;
	}

	static DocumentStatus finalStateFor(DisclosureAttribute attribute) {
		if (attribute == null) {
			throw InvalidInputException.of("attribute", "必须选择公开属性");
		}
		return switch (attribute) {
			case PROACTIVE -> DocumentStatus.PUBLISHED;
			case ON_REQUEST -> DocumentStatus.LISTED;
			case NOT_DISCLOSED -> DocumentStatus.WITHHELD;
		};
	}

	private static void requireTransition(Document doc, DocumentStatus target) {
		if (!doc.status().canMoveTo(target)) {
			throw new DomainException("“" + doc.status().label() + "”状态的信息不能转为“" + target.label() + "”");
		}
	}

	private Document move(Document doc, Actor actor, DocumentStatus target, String action, ReviewChecks checks,
			String note, String summary) {
		Document moved = doc.with(target);
		documents.update(copy(moved, b -> b.updatedAt = clock.instant()));
		Instant now = clock.instant();
		history(doc.id(), actor, now, action, doc.status(), target, checks, note);
		audit(actor, doc.agencyId(), doc.id(), "document." + action, summary + "：“" + doc.title() + "”", doc.status().label(),
				target.label());
		announce(doc, moved);
		return load(doc.id());
	}

	private void announce(Document before, Document after) {
		if (before.isPublic() || after.isPublic()) {
			Set<Long> nodes = new LinkedHashSet<>(before.nodeIds());
			nodes.addAll(after.nodeIds());
			events.publishEvent(new PublicDocumentChanged(after.id(), after.agencyId(), List.copyOf(nodes)));
		}
	}

	private void history(long id, Actor actor, Instant at, String action, DocumentStatus from, DocumentStatus to,
			ReviewChecks checks, String note) {
		documents.addHistory(id, at, actor.username(), action, from, to, checks, note);
	}

	private void audit(Actor actor, long agencyId, long id, String action, String summary, String before, String after) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, "Document", id, summary, before, after));
	}

	/** What submission requires: a title, the 生成日期, a disclosure attribute, a ground for 不予公开, a node to file a public item. */
	private static void completeness(Document doc, List<FieldProblem> problems) {
		if (doc.formedOn() == null) {
			problems.add(new FieldProblem("formedOn", "请填写生成日期（信息形成或者变更的日期）"));
		}
		if (doc.attribute() == null) {
			problems.add(new FieldProblem("attribute", "必须选择公开属性：主动公开、依申请公开或不予公开"));
		}
		else if (doc.attribute() == DisclosureAttribute.NOT_DISCLOSED) {
			if (doc.exemptionGround() == null) {
				problems.add(new FieldProblem("exemptionGround", "不予公开必须选择依据（条例第十四条至第十六条）"));
			}
			if (doc.exemptionReason() == null || doc.exemptionReason().isBlank()) {
				problems.add(new FieldProblem("exemptionReason", "不予公开必须写明理由"));
			}
		}
		else if (doc.attribute() == DisclosureAttribute.PROACTIVE && doc.nodeIds().isEmpty()) {
			problems.add(new FieldProblem("catalogNodes", "主动公开的信息请至少选择一个公开目录栏目"));
		}
	}

	/** Validates a draft and builds the item; format errors are refused here, completeness at submission. */
	Document build(Agency agency, Document current, DocumentDraft d, DocumentStatus status, String createdBy,
			Instant createdAt, boolean keepFiling) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(d.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "请填写标题"));
		}
		else if (title.length() > 500) {
			problems.add(new FieldProblem("title", "标题不能超过500字"));
		}
		for (String[] f : new String[][] { { "issuingOrgan", d.issuingOrgan(), "200" }, { "documentNumber", d.documentNumber(), "100" },
				{ "keywords", d.keywords(), "500" }, { "repostSource", d.repostSource(), "300" },
				{ "repostSourceUrl", d.repostSourceUrl(), "500" }, { "exemptionReason", d.exemptionReason(), "2000" } }) {
			if (f[1] != null && f[1].trim().length() > Integer.parseInt(f[2])) {
				problems.add(new FieldProblem(f[0], "不能超过" + f[2] + "字"));
			}
		}
		if (d.summary() != null && d.summary().length() > 2000) {
			problems.add(new FieldProblem("summary", "内容概述不能超过2000字"));
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		if (d.formedOn() != null && d.formedOn().isAfter(today)) {
			problems.add(new FieldProblem("formedOn", "生成日期不能晚于今天"));
		}
		if (d.writtenOn() != null && d.writtenOn().isAfter(today)) {
			problems.add(new FieldProblem("writtenOn", "成文日期不能晚于今天"));
		}
		String theme = null;
		if (Texts.trimToNull(d.theme()) != null) {
			theme = themes.resolve(d.theme()).orElse(null);
			if (theme == null) {
				problems.add(new FieldProblem("theme", "主题分类“" + d.theme() + "”不在国务院公文主题分类中"));
			}
		}
		String type = Texts.trimToNull(d.documentType());
		if (type != null && !themes.isDocumentType(type)) {
			problems.add(new FieldProblem("documentType", "公文种类“" + type + "”不是规定的15种之一（或“其他”）"));
		}
		if (d.exemptionGround() != null && d.attribute() != DisclosureAttribute.NOT_DISCLOSED) {
			problems.add(new FieldProblem("exemptionGround", "只有“不予公开”的信息才填写不予公开依据"));
		}
		if (Texts.trimToNull(d.repostSource()) != null && d.repostOriginalOn() == null) {
			problems.add(new FieldProblem("repostOriginalOn", "转载信息请填写原文发布日期"));
		}
		if (d.repostOriginalOn() != null && d.repostOriginalOn().isAfter(today)) {
			problems.add(new FieldProblem("repostOriginalOn", "原文发布日期不能晚于今天"));
		}
		if (Texts.trimToNull(d.repostSourceUrl()) != null && !d.repostSourceUrl().trim().matches("https?://\\S+")) {
			problems.add(new FieldProblem("repostSourceUrl", "原文地址应以 http:// 或 https:// 开头"));
		}
		List<Long> nodeIds = new ArrayList<>();
		List<CatalogNode> filedUnder = new ArrayList<>();
		if (keepFiling && d.catalogNodes().isEmpty() && current != null) {
			nodeIds.addAll(current.nodeIds());
		}
		for (String code : d.catalogNodes()) {
			CatalogNode node = catalog.node(agency.id(), code.trim()).orElse(null);
			if (node == null) {
				problems.add(new FieldProblem("catalogNodes", "公开目录中没有代码为“" + code + "”的栏目"));
			}
			else if (node.kind() == NodeKind.GUIDE || node.kind() == NodeKind.ON_REQUEST) {
				problems.add(new FieldProblem("catalogNodes", "“" + node.title() + "”栏目由平台自动生成，不能直接放入信息"));
			}
			else {
				nodeIds.add(node.id());
				filedUnder.add(node);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate publishBy = null;
		String rule = null;
		if (d.formedOn() != null && d.attribute() == DisclosureAttribute.PROACTIVE) {
			DueDate due = calendar.addWorkingDaysProvisionally(d.formedOn(), PublicationRules.PROACTIVE_LIMIT.days());
			publishBy = due.date();
			rule = PublicationRules.PROACTIVE_LIMIT_VERSION + (due.provisional() ? "（暂定）" : "");
			// a shorter limit of a node the item is filed under overrides Art. 26 (e.g. 双公示: 7 working days)
			List<CatalogNode> limits = new ArrayList<>(filedUnder);
			if (limits.isEmpty() && keepFiling && current != null) {
				current.nodeIds().forEach(id -> catalog.nodeById(id).ifPresent(limits::add));
			}
			for (CatalogNode node : limits) {
				org.gongkai.catalog.TimeLimitRule limit = node.timeLimit();
				if (limit == null || limit.equals(PublicationRules.PROACTIVE_LIMIT)) {
					continue;
				}
				LocalDate nodeDue = switch (limit.type()) {
					case WORKING_DAYS -> calendar.addWorkingDaysProvisionally(d.formedOn(), limit.days()).date();
					case CALENDAR_DAYS -> d.formedOn().plusDays(limit.days());
					default -> null;
				};
				if (nodeDue != null && nodeDue.isBefore(publishBy)) {
					publishBy = nodeDue;
					rule = limit.encode() + "（栏目 " + node.code() + "）";
				}
			}
		}
		Instant now = clock.instant();
		Builder b = current == null ? new Builder() : new Builder(current);
		b.agencyId = agency.id();
		b.title = title;
		b.summary = Texts.trimToNull(d.summary());
		b.body = HtmlBodies.sanitise(d.body());
		b.issuingOrgan = Texts.trimToNull(d.issuingOrgan()) == null ? agency.name() : Texts.trimToNull(d.issuingOrgan());
		b.documentNumber = Texts.trimToNull(d.documentNumber());
		b.writtenOn = d.writtenOn();
		b.formedOn = d.formedOn();
		b.theme = theme;
		b.documentType = type;
		b.keywords = Texts.trimToNull(d.keywords());
		b.normative = Boolean.TRUE.equals(d.normative());
		b.governmentRule = Boolean.TRUE.equals(d.governmentRule());
		b.attribute = d.attribute();
		b.exemptionGround = d.attribute() == DisclosureAttribute.NOT_DISCLOSED ? d.exemptionGround() : null;
		b.exemptionReason = d.attribute() == DisclosureAttribute.NOT_DISCLOSED ? Texts.trimToNull(d.exemptionReason()) : null;
		b.status = status;
		b.publishBy = publishBy;
		b.publishByRule = rule;
		if (current != null && (!java.util.Objects.equals(current.title(), title)
				|| !java.util.Objects.equals(current.summary(), b.summary) || !java.util.Objects.equals(current.body(), b.body))) {
			b.personalDataConfirmation = null; // a confirmation covers the content it was given for
		}
		b.repostSource = Texts.trimToNull(d.repostSource());
		b.repostSourceUrl = Texts.trimToNull(d.repostSourceUrl());
		b.repostOriginalOn = d.repostOriginalOn();
		b.createdBy = createdBy;
		b.createdAt = createdAt;
		b.updatedAt = now;
		b.nodeIds = nodeIds;
		return b.build();
	}

	Document copy(Document d, java.util.function.Consumer<Builder> change) {
		Builder b = new Builder(d);
		change.accept(b);
		return b.build();
	}

	/** A mutable copy of an item, for building changed versions of the immutable record. */
	static final class Builder {

		long id;

		long agencyId;

		String externalId;

		String indexNumber;

		String title;

		String summary;

		String body;

		String issuingOrgan;

		String documentNumber;

		LocalDate writtenOn;

		LocalDate formedOn;

		LocalDate publishedOn;

		Instant publishedAt;

		String theme;

		String documentType;

		String keywords;

		Validity validity = Validity.IN_FORCE;

		LocalDate validityChangedOn;

		String validityNote;

		boolean normative;

		boolean governmentRule;

		DisclosureAttribute attribute;

		ExemptionGround exemptionGround;

		String exemptionReason;

		DocumentStatus status = DocumentStatus.DRAFT;

		LocalDate publishBy;

		String publishByRule;

		String returnedReason;

		String withdrawnReason;

		String personalDataConfirmation;

		String repostSource;

		String repostSourceUrl;

		LocalDate repostOriginalOn;

		String correctionNote;

		int version = 1;

		String createdBy;

		Instant createdAt;

		Instant updatedAt;

		List<Long> nodeIds = List.of();

		Builder() {
		}

		Builder(Document d) {
			id = d.id();
			agencyId = d.agencyId();
			externalId = d.externalId();
			indexNumber = d.indexNumber();
			title = d.title();
			summary = d.summary();
			body = d.body();
			issuingOrgan = d.issuingOrgan();
			documentNumber = d.documentNumber();
			writtenOn = d.writtenOn();
			formedOn = d.formedOn();
			publishedOn = d.publishedOn();
			publishedAt = d.publishedAt();
			theme = d.theme();
			documentType = d.documentType();
			keywords = d.keywords();
			validity = d.validity();
			validityChangedOn = d.validityChangedOn();
			validityNote = d.validityNote();
			normative = d.normative();
			governmentRule = d.governmentRule();
			attribute = d.attribute();
			exemptionGround = d.exemptionGround();
			exemptionReason = d.exemptionReason();
			status = d.status();
			publishBy = d.publishBy();
			publishByRule = d.publishByRule();
			returnedReason = d.returnedReason();
			withdrawnReason = d.withdrawnReason();
			personalDataConfirmation = d.personalDataConfirmation();
			repostSource = d.repostSource();
			repostSourceUrl = d.repostSourceUrl();
			repostOriginalOn = d.repostOriginalOn();
			correctionNote = d.correctionNote();
			version = d.version();
			createdBy = d.createdBy();
			createdAt = d.createdAt();
			updatedAt = d.updatedAt();
			nodeIds = d.nodeIds();
		}

		Document build() {
			return new Document(id, agencyId, externalId, indexNumber, title, summary, body, issuingOrgan, documentNumber,
					writtenOn, formedOn, publishedOn, publishedAt, theme, documentType, keywords, validity,
					validityChangedOn, validityNote, normative, governmentRule, attribute, exemptionGround, exemptionReason,
					status, publishBy, publishByRule, returnedReason, withdrawnReason, personalDataConfirmation,
					repostSource, repostSourceUrl, repostOriginalOn, correctionNote, version, createdBy, createdAt,
					updatedAt, nodeIds);
		}
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
