package org.gongkai.interpretation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.catalog.Themes;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.HtmlBodies;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.gongkai.publication.Document;
import org.gongkai.publication.DocumentRelationsChanged;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.publication.PublicationQueries;
import org.gongkai.publication.SensitiveWords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of an interpretation: drafted by an editor of the interpreting side, signed off by the
 * approving leader together with its policy (同步审签), published with the policy or — when the policy is
 * already public — at once, withdrawn with a reason. Each step checks the actor's role for the
 * interpretation's agency and its status, validates before it writes, and is recorded in the history
 * and the audit trail.
 */
@Service
@Transactional
public class InterpretationManagement {

	private final Interpretations interpretations;

	private final TimelinessLedger ledger;

	private final PublicationQueries documents;

	private final SensitiveWords sensitiveWords;

	private final FileStore files;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final Themes themes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InterpretationManagement(Interpretations interpretations, TimelinessLedger ledger, PublicationQueries documents, SensitiveWords sensitiveWords, FileStore files, AgencyAccess access,
			AgencyDirectory agencies, Themes themes, ApplicationEventPublisher events,
			Clock clock) {
		this.interpretations = interpretations;
		this.ledger = ledger;
		this.documents = documents;
		this.sensitiveWords = sensitiveWords;
		this.files = files;
		this.access = access;
		this.agencies = agencies;
		this.themes = themes;
		this.events = events;
		this.clock = clock;
	}

	// ---- drafting ---------------------------------------------------------------------------------

	public Interpretation create(long agencyId, InterpretationDraft draft) {
		Actor actor = access.require(agencyId, Role.EDITOR, Role.AGENCY_ADMIN);
		Agency agency = activeAgency(agencyId);
		Instant now = clock.instant();
		Interpretation built = build(agency, null, draft, actor, now);
		long id = interpretations.insert(built);
		interpretations.addHistory(id, now, actor.username(), "created", null, InterpretationStatus.DRAFT, null);
		audit(actor, agencyId, id, "interpretation.created", "新建政策解读“" + built.title() + "”", null, null);
		return load(id);
	}

	public Interpretation update(long id, InterpretationDraft draft) {
		Interpretation current = lock(id);
		Actor actor = access.require(current.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!current.status().isEditable()) {
			throw new DomainException("“" + current.status().label() + "”状态的解读不能修改；请先退回修改");
		}
		Interpretation changed = build(activeAgency(current.agencyId()), current, draft, actor, clock.instant());
		interpretations.update(changed);
		interpretations.addHistory(id, clock.instant(), actor.username(), "updated", current.status(), current.status(), null);
		audit(actor, current.agencyId(), id, "interpretation.updated", "修改政策解读“" + changed.title() + "”", current.title(),
				changed.title());
		return load(id);
	}

	/**
	 * Adds an image (with its text alternative), an audio or video file, or a WebVTT caption file. An image
	 * without a text alternative is refused: a screen-reader user must get what the picture says.
	 */
	public InterpretationMedia addMedia(long id, MediaKind kind, String fileName, byte[] content, String altText,
			String description) {
		Interpretation i = lock(id);
		Actor actor = access.require(i.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!i.status().isEditable()) {
			throw new DomainException("只有草稿或被退回的解读可以添加文件");
		}
		if (kind == null) {
			throw InvalidInputException.of("kind", "请选择文件类别");
		}
		String alt = Texts.trimToNull(altText);
		List<FieldProblem> problems = new ArrayList<>();
		if (kind == MediaKind.IMAGE && alt == null) {
			problems.add(new FieldProblem("altText", "图解图片必须填写替代文字，说明图片传达的内容（供读屏软件朗读）"));
		}
		if (alt != null && alt.length() > 500) {
			problems.add(new FieldProblem("altText", "替代文字不能超过500字；更长的说明请填写在“图片文字说明”中"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String contentType = MediaFiles.verify(kind, fileName, content);
		String key = files.put(content, fileName);
		org.gongkai.platform.AfterTransaction.rollback(() -> files.delete(key));
		Instant now = clock.instant();
		int sort = interpretations.media(id).size() + 1;
		long mediaId = interpretations.insertMedia(new InterpretationMedia(0, id, kind, fileName.trim(), contentType,
				content.length, key, alt, Texts.trimToNull(description) == null ? null : HtmlBodies.text(description).trim(),
				sort, actor.username(), now));
		audit(actor, i.agencyId(), id, "interpretation.media-added",
				"为政策解读“" + i.title() + "”添加" + kind.label() + "“" + fileName + "”", null, fileName);
		return interpretations.media(id).stream().filter(m -> m.id() == mediaId).findFirst().orElseThrow();
	}

	public void removeMedia(long id, long mediaId) {
		Interpretation i = lock(id);
		Actor actor = access.require(i.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!i.status().isEditable()) {
			throw new DomainException("只有草稿或被退回的解读可以删除文件");
		}
		InterpretationMedia m = interpretations.media(id).stream().filter(x -> x.id() == mediaId).findFirst()
			.orElseThrow(() -> DomainException.notFound("该文件不存在"));
		interpretations.deleteMedia(id, mediaId);
		org.gongkai.platform.AfterTransaction.commit(() -> files.delete(m.storageKey()));
		audit(actor, i.agencyId(), id, "interpretation.media-removed", "删除政策解读“" + i.title() + "”的文件“" + m.fileName() + "”",
				m.fileName(), null);
	}

	// ---- sign-off and publishing --------------------------------------------------------------------

	/** Sends the interpretation for sign-off; refused while the form's required content is missing. */
	public Interpretation submit(long id) {
		Interpretation i = lock(id);
		Actor actor = access.require(i.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		requireTransition(i, InterpretationStatus.SUBMITTED);
		List<FieldProblem> problems = completeness(i, interpretations.media(id));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return move(i, actor, InterpretationStatus.SUBMITTED, "submitted", null, "提交审签");
	}

	/**
	 * The approving leader signs the interpretation off (同步审签). When every policy it explains is public
	 * it is published at once; otherwise it waits and is published the moment the policy is.
	 */
	public Interpretation approve(long id, String note) {
		Interpretation i = lock(id);
		Actor actor = access.require(i.agencyId(), Role.APPROVER);
		if (i.status() != InterpretationStatus.SUBMITTED) {
			throw new DomainException("“" + i.status().label() + "”状态的解读不能审签");
		}
		boolean tookPart = actor.username().equals(i.createdBy()) || interpretations.history(id).stream()
			.anyMatch(h -> h.actor().equals(actor.username())
					&& ("created".equals(h.action()) || "updated".equals(h.action()) || "submitted".equals(h.action())));
		if (tookPart) {
			throw new DomainException("审签人不能审签自己起草、修改或提交的解读，请由其他负责人审签");
		}
		if (note != null && note.trim().length() > 1000) {
			throw InvalidInputException.of("note", "审签意见不能超过1000字");
		}
		List<FieldProblem> problems = completeness(i, interpretations.media(id));
		problems.addAll(contentProblems(i));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String n = Texts.trimToNull(note);
		if (allDocumentsPublic(i)) {
			return publish(i, actor, "approved", n);
		}
		Interpretation ready = move(i, actor, InterpretationStatus.READY, "approved", n, "审签通过，待文件公开后同步发布");
		return ready;
	}

	/** Back to the drafter with a reason, from sign-off or from waiting for the policy. */
	public Interpretation returnToDrafter(long id, String reason) {
		Interpretation i = lock(id);
		Actor actor = access.require(i.agencyId(), Role.APPROVER);
		requireTransition(i, InterpretationStatus.RETURNED);
		if (i.status() == InterpretationStatus.READY
				&& i.documentIds().stream().anyMatch(d -> documents.publicDocument(d).isPresent())) {
			throw new DomainException("所解读的文件已凭这篇解读审批公开，解读不能再退回；请在发布后以新的解读更正");
		}
		String r = Texts.trimToNull(reason);
		if (r == null || r.length() > 1000) {
			throw InvalidInputException.of("reason", "请写明退回理由（不超过1000字）");
		}
		Interpretation withReason = copy(i, b -> b.returnedReason = r);
		interpretations.update(withReason);
		return move(withReason, actor, InterpretationStatus.RETURNED, "returned", r, "退回修改");
	}

	/** Takes a published interpretation off the portal, the API and the feeds; the record stays. */
	public Interpretation withdraw(long id, String reason) {
		Interpretation i = lock(id);
		Actor actor = access.require(i.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		requireTransition(i, InterpretationStatus.WITHDRAWN);
		String r = Texts.trimToNull(reason);
		if (r == null || r.length() > 1000) {
			throw InvalidInputException.of("reason", "请写明撤回理由（不超过1000字）");
		}
		Interpretation withReason = copy(i, b -> b.withdrawnReason = r);
		interpretations.update(withReason);
		Interpretation moved = move(withReason, actor, InterpretationStatus.WITHDRAWN, "withdrawn", r, "撤回");
		announce(moved, i.documentIds());
		return moved;
	}

	/**
	 * After a policy changed (published, withdrawn, re-marked): interpretations waiting for it are published
	 * when all their policies are public, and published ones follow their policies off or back onto the portal.
	 */
	java.util.Set<Long> policyChanged(long documentId) {
		// the timeliness ledger is refreshed by the caller afterwards: no obligation row is locked while
		// interpretation rows are being locked here, so a concurrent sign-off cannot deadlock with this
		java.util.Set<Long> touched = new LinkedHashSet<>();
		for (Interpretation i : interpretations.ofDocument(documentId)) {
			Interpretation locked = lock(i.id());
			boolean allPublic = allDocumentsPublic(locked);
			if (locked.status() == InterpretationStatus.READY && allPublic) {
				touched.addAll(publishNow(locked, Actor.system(), "published-with-policy", "随文件同步发布").documentIds());
			}
			else if (locked.status() == InterpretationStatus.PUBLISHED && locked.documentsPublic() != allPublic) {
				interpretations.update(copy(locked, b -> b.documentsPublic = allPublic));
				interpretations.addHistory(locked.id(), clock.instant(), "system", allPublic ? "shown" : "hidden",
						locked.status(), locked.status(), allPublic ? "所解读的文件已公开，解读重新显示" : "所解读的文件已不公开，解读随之撤下");
				events.publishEvent(new InterpretationChanged(locked.id(), locked.agencyId()));
				locked.documentIds().forEach(d -> events.publishEvent(new DocumentRelationsChanged(d)));
				touched.addAll(locked.documentIds());
			}
		}
		touched.add(documentId);
		return touched;
	}

	/**
	 * After a year's holiday notice is loaded: due dates that were counted into it provisionally are counted
	 * again, and the late flag follows.
	 */
	void recountProvisional() {
		for (Interpretation i : interpretations.withProvisionalDue()) {
			Interpretation locked = lock(i.id());
			Due due = due(locked);
			boolean late = !locked.followUp() && due.on() != null && locked.publishedOn() != null
					&& locked.publishedOn().isAfter(due.on());
			interpretations.update(copy(locked, b -> {
				b.dueOn = due.on();
				b.dueProvisional = due.provisional();
				b.late = late;
			}));
			if (locked.late() != late) {
				interpretations.addHistory(locked.id(), clock.instant(), "system", "recounted", locked.status(), locked.status(),
						"节假日安排公布后重新计算时限：" + due.on() + (late ? "，逾期" : "，按时"));
				events.publishEvent(new InterpretationChanged(locked.id(), locked.agencyId()));
			}
		}
	}

	/** The earliest due date among the interpretation's public policies, and whether it is provisional. */
	private record Due(LocalDate on, boolean provisional) {
	}

	private Due due(Interpretation i) {
		LocalDate due = null;
		boolean provisional = false;
		for (Long docId : i.documentIds()) {
			Optional<Document> doc = documents.publicDocument(docId);
			if (doc.isPresent() && doc.get().publishedOn() != null) {
				org.gongkai.calendar.DueDate d = ledger.dueDate(doc.get());
				if (due == null || d.date().isBefore(due)) {
					due = d.date();
					provisional = d.provisional();
				}
			}
		}
		return new Due(due, provisional);
	}

	private Interpretation publish(Interpretation i, Actor actor, String action, String note) {
		Interpretation moved = publishNow(i, actor, action, note);
		announce(moved, i.documentIds());
		return moved;
	}

	/**
	 * Publishes without touching the ledger. Published with its policy, it carries the policy's publication
	 * date and time (not the moment the listener ran), so it is never counted late for being published with it.
	 */
	private Interpretation publishNow(Interpretation i, Actor actor, String action, String note) {
		LocalDate publishedOn = LocalDate.now(clock.withZone(Zones.CHINA));
		Instant publishedAt = clock.instant();
		if ("published-with-policy".equals(action)) {
			for (Long docId : i.documentIds()) {
				Optional<Document> doc = documents.publicDocument(docId);
				if (doc.isPresent() && doc.get().publishedAt() != null && doc.get().publishedAt().isBefore(publishedAt)) {
					// the latest of its policies' publication: it could not go out before all of them were public
					publishedAt = i.documentIds().stream().map(documents::publicDocument).flatMap(Optional::stream)
						.map(Document::publishedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(publishedAt);
					publishedOn = publishedAt.atZone(Zones.CHINA).toLocalDate();
					break;
				}
			}
		}
		Due due = due(i);
		LocalDate on = publishedOn;
		Instant at = publishedAt;
		boolean late = !i.followUp() && due.on() != null && on.isAfter(due.on());
		Interpretation published = copy(i, b -> {
			b.publishedOn = on;
			b.publishedAt = at;
			b.dueOn = due.on();
			b.dueProvisional = due.provisional();
			b.late = late;
			b.documentsPublic = true;
		});
		interpretations.update(published);
		Interpretation moved = move(published, actor, InterpretationStatus.PUBLISHED, action, note,
				late ? "发布（逾期：应于 " + due.on() + " 前发布）" : "发布");
		events.publishEvent(new InterpretationChanged(moved.id(), moved.agencyId()));
		i.documentIds().forEach(d -> events.publishEvent(new DocumentRelationsChanged(d)));
		return moved;
	}

	/** Every policy the interpretation explains is public (an interpretation never gets ahead of its policy). */
	private boolean allDocumentsPublic(Interpretation i) {
		return !i.documentIds().isEmpty() && i.documentIds().stream().allMatch(d -> documents.publicDocument(d).isPresent());
	}

	/** What each form needs before sign-off. */
	List<FieldProblem> completeness(Interpretation i, List<InterpretationMedia> media) {
		List<FieldProblem> problems = new ArrayList<>();
		if (i.documentIds().isEmpty()) {
			problems.add(new FieldProblem("documentIds", "请关联所解读的政策文件（至少一件）"));
		}
		boolean hasText = (i.body() != null && !HtmlBodies.text(i.body()).isBlank()) || !i.sections().isEmpty();
		switch (i.form()) {
			case TEXT -> {
				if (!hasText) {
					problems.add(new FieldProblem("body", "文字解读请填写正文，或按背景依据、主要内容等分节填写"));
				}
			}
			case GRAPHIC -> {
				if (media.stream().noneMatch(m -> m.kind() == MediaKind.IMAGE)) {
					problems.add(new FieldProblem("media", "图解请至少上传一张图片（每张图片须有替代文字）"));
				}
			}
			case VIDEO -> {
				boolean hasMedia = i.mediaUrl() != null
						|| media.stream().anyMatch(m -> m.kind() == MediaKind.VIDEO || m.kind() == MediaKind.AUDIO);
				if (!hasMedia) {
					problems.add(new FieldProblem("mediaUrl", "音视频解读请上传音视频文件或填写播放地址"));
				}
				// captions reach the reader only inside an uploaded video; audio and external media need a transcript
				boolean captionedUpload = media.stream().anyMatch(m -> m.kind() == MediaKind.VIDEO)
						&& media.stream().anyMatch(m -> m.kind() == MediaKind.CAPTIONS);
				if (i.transcript() == null && !captionedUpload) {
					problems.add(new FieldProblem("transcript", "音视频解读须提供字幕文件（WebVTT，随上传的视频播放）或文字稿，方便听障人士和不便播放的读者"));
				}
			}
			case QA -> {
				if (i.qa().isEmpty()) {
					problems.add(new FieldProblem("qa", "简明问答请至少填写一组问题和回答"));
				}
			}
			case EXPERT -> {
				if (i.interpreter() == null || i.interpreterTitle() == null) {
					problems.add(new FieldProblem("interpreter", "专家解读请填写专家姓名及其单位、职务或职称"));
				}
				if (!hasText) {
					problems.add(new FieldProblem("body", "请填写专家解读的内容"));
				}
			}
			case MEDIA -> {
				if (i.mediaOutlet() == null) {
					problems.add(new FieldProblem("mediaOutlet", "媒体解读请填写媒体名称"));
				}
				if (!hasText && i.mediaUrl() == null) {
					problems.add(new FieldProblem("body", "请填写媒体解读的内容或原文地址"));
				}
			}
			case BRIEFING, INTERVIEW -> {
				if (i.eventAt() == null) {
					problems.add(new FieldProblem("eventAt", "请填写" + i.form().label() + "的时间"));
				}
				if (i.eventPlace() == null) {
					problems.add(new FieldProblem("eventPlace", "请填写" + i.form().label() + "的地点（网上访谈填写平台）"));
				}
				if (i.participants() == null) {
					problems.add(new FieldProblem("participants", "请填写发布人、嘉宾或主持人"));
				}
				if (i.transcript() == null && !hasText) {
					problems.add(new FieldProblem("transcript", "请填写文字实录"));
				}
			}
		}
		if (i.principalLeader() && i.interpreter() == null) {
			problems.add(new FieldProblem("interpreter", "主要负责人解读请填写负责人姓名"));
		}
		return problems;
	}

	/** Personal data and blocking sensitive words anywhere in the text stop the sign-off. */
	private List<FieldProblem> contentProblems(Interpretation i) {
		List<PersonalDataScanner.Finding> personal = new ArrayList<>();
		List<SensitiveWords.Hit> words = new ArrayList<>();
		Map<String, String> texts = new java.util.LinkedHashMap<>();
		texts.put("标题", i.title());
		texts.put("摘要", i.summary());
		texts.put("正文", HtmlBodies.text(i.body()));
		i.sections().forEach((k, v) -> texts.put(k.label(), HtmlBodies.text(v)));
		for (int n = 0; n < i.qa().size(); n++) {
			texts.put("问答第" + (n + 1) + "组", i.qa().get(n).question() + " " + i.qa().get(n).answer());
		}
		texts.put("文字稿", i.transcript());
		texts.put("解读人", join(i.interpreter(), i.interpreterTitle()));
		texts.put("发布人、嘉宾", i.participants());
		texts.put("地点", i.eventPlace());
		texts.put("媒体", i.mediaOutlet());
		texts.put("转载来源", i.repostSource());
		for (InterpretationMedia m : interpretations.media(i.id())) {
			texts.put(m.kind().label() + "“" + m.fileName() + "”的说明", join(m.altText(), m.description()));
			if (m.kind() == MediaKind.CAPTIONS) {
				files.get(m.storageKey()).ifPresent(bytes -> texts.put("字幕“" + m.fileName() + "”",
						new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
			}
		}
		texts.forEach((where, text) -> {
			personal.addAll(PersonalDataScanner.scan(text, where));
			words.addAll(sensitiveWords.check(text, where));
		});
		List<FieldProblem> problems = new ArrayList<>();
		if (!personal.isEmpty()) {
			problems.add(new FieldProblem("content", "解读中含有个人信息，请删除或脱敏后再审签："
					+ String.join("；", personal.stream().map(f -> f.where() + " " + f.kind().label() + " " + f.masked()).toList())));
		}
		List<SensitiveWords.Hit> blocking = words.stream().filter(h -> h.level() == SensitiveWords.Level.BLOCK).toList();
		if (!blocking.isEmpty()) {
			problems.add(new FieldProblem("content", "解读中含有禁止发布的敏感词："
					+ String.join("；", blocking.stream().map(h -> h.where() + "“" + h.word() + "”").toList())));
		}
		return problems;
	}

	private static String join(String a, String b) {
		return a == null ? b : b == null ? a : a + " " + b;
	}

	// ---- validation -----------------------------------------------------------------------------------

	private Interpretation build(Agency agency, Interpretation current, InterpretationDraft d, Actor actor, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(d.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "请填写解读标题"));
		}
		else if (title.length() > 300) {
			problems.add(new FieldProblem("title", "标题不能超过300字"));
		}
		if (d.form() == null) {
			problems.add(new FieldProblem("form", "请选择解读形式"));
		}
		length(problems, "summary", d.summary(), 1000, "摘要");
		length(problems, "interpreter", d.interpreter(), 100, "解读人");
		length(problems, "interpreterTitle", d.interpreterTitle(), 100, "解读人职务或单位");
		length(problems, "mediaOutlet", d.mediaOutlet(), 200, "媒体名称");
		length(problems, "eventPlace", d.eventPlace(), 200, "地点");
		length(problems, "participants", d.participants(), 1000, "参加人");
		length(problems, "repostSource", d.repostSource(), 300, "转载来源");
		String theme = null;
		if (Texts.trimToNull(d.theme()) != null) {
			theme = themes.resolve(d.theme()).orElse(null);
			if (theme == null) {
				problems.add(new FieldProblem("theme", "主题分类“" + d.theme() + "”不在国务院公文主题分类中"));
			}
		}
		for (String[] url : new String[][] { { "mediaUrl", d.mediaUrl() }, { "repostSourceUrl", d.repostSourceUrl() } }) {
			String u = Texts.trimToNull(url[1]);
			if (u != null && (u.length() > 500 || !u.matches("https?://\\S+"))) {
				problems.add(new FieldProblem(url[0], "地址应以 http:// 或 https:// 开头，不超过500个字符"));
			}
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.CHINA));
		if (Texts.trimToNull(d.repostSource()) != null && d.repostOriginalOn() == null) {
			problems.add(new FieldProblem("repostOriginalOn", "转载上级解读请填写原文发布日期"));
		}
		if (d.repostOriginalOn() != null && (d.repostOriginalOn().isAfter(today) || d.repostOriginalOn().getYear() < 2000)) {
			problems.add(new FieldProblem("repostOriginalOn", "原文发布日期应在2000年以后，且不能晚于今天"));
		}
		if (d.eventAt() != null && (d.eventAt().getYear() < 2000 || d.eventAt().getYear() > today.getYear() + 1)) {
			problems.add(new FieldProblem("eventAt", "发布会或访谈的时间应在2000年至明年之间"));
		}
		List<Interpretation.QaPair> qa = new ArrayList<>();
		for (int n = 0; n < d.qa().size(); n++) {
			Interpretation.QaPair pair = d.qa().get(n);
			String q = pair == null ? null : Texts.trimToNull(pair.question());
			String a = pair == null ? null : Texts.trimToNull(pair.answer());
			if (q == null && a == null) {
				continue;
			}
			if (q == null || a == null) {
				problems.add(new FieldProblem("qa", "第" + (n + 1) + "组问答须同时填写问题和回答"));
			}
			else if (q.length() > 500) {
				problems.add(new FieldProblem("qa", "第" + (n + 1) + "组的问题不能超过500字"));
			}
			else {
				qa.add(new Interpretation.QaPair(q, a));
			}
		}
		if (qa.size() > 100) {
			problems.add(new FieldProblem("qa", "一篇简明问答最多100组"));
		}
		Map<InterpretationSection, String> sections = new EnumMap<>(InterpretationSection.class);
		d.sections().forEach((k, v) -> {
			String html = HtmlBodies.sanitise(v);
			if (k != null && html != null && !HtmlBodies.text(html).isBlank()) {
				sections.put(k, html);
			}
		});
		List<Long> docIds = new ArrayList<>(new LinkedHashSet<>(d.documentIds().stream().filter(java.util.Objects::nonNull).toList()));
		if (docIds.size() > 50) {
			problems.add(new FieldProblem("documentIds", "一篇解读最多关联50件文件"));
		}
		List<Document> linked = new ArrayList<>();
		for (Long docId : docIds) {
			Optional<Document> doc = documents.publicDocument(docId);
			if (doc.isEmpty()) {
				// a policy not yet public may be linked only by those who draft for its agency (谁起草谁解读)
				doc = staffVisible(docId).filter(x -> access.allows(actor, x.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN));
			}
			if (doc.isEmpty()) {
				problems.add(new FieldProblem("documentIds", "编号为 " + docId + " 的文件不存在、尚未公开，或不是本单位起草的文件"));
			}
			else {
				linked.add(doc.get());
			}
		}
		long unitId;
		String unitCode = Texts.trimToNull(d.interpretingUnit());
		if (unitCode != null) {
			Optional<Agency> unit = agencies.findByCode(unitCode).filter(Agency::active);
			if (unit.isEmpty()) {
				problems.add(new FieldProblem("interpretingUnit", "没有代码为“" + unitCode + "”的单位"));
			}
			else if (unit.get().id() != agency.id() && linked.stream().noneMatch(x -> x.agencyId() == unit.get().id())) {
				problems.add(new FieldProblem("interpretingUnit", "解读单位应为本单位或所解读文件的发布单位"));
			}
			unitId = unit.map(Agency::id).orElse(agency.id());
		}
		else if (current != null && linked.isEmpty()) {
			unitId = current.interpretingUnitId();
		}
		else {
			// 谁起草谁解读: by default the unit of the (first) policy interpreted
			unitId = linked.isEmpty() ? agency.id() : linked.get(0).agencyId();
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Builder b = current == null ? new Builder() : new Builder(current);
		b.agencyId = agency.id();
		b.title = title;
		b.form = d.form();
		b.summary = Texts.trimToNull(d.summary());
		b.body = HtmlBodies.sanitise(d.body());
		b.theme = theme;
		b.interpretingUnitId = unitId;
		b.interpreter = Texts.trimToNull(d.interpreter());
		b.interpreterTitle = Texts.trimToNull(d.interpreterTitle());
		b.principalLeader = Boolean.TRUE.equals(d.principalLeader());
		b.followUp = Boolean.TRUE.equals(d.followUp());
		b.mediaOutlet = Texts.trimToNull(d.mediaOutlet());
		b.eventAt = d.eventAt() == null ? null : d.eventAt().atZone(Zones.CHINA).toInstant();
		b.eventPlace = Texts.trimToNull(d.eventPlace());
		b.participants = Texts.trimToNull(d.participants());
		b.mediaUrl = Texts.trimToNull(d.mediaUrl());
		b.transcript = Texts.trimToNull(d.transcript());
		b.repostSource = Texts.trimToNull(d.repostSource());
		b.repostSourceUrl = Texts.trimToNull(d.repostSourceUrl());
		b.repostOriginalOn = b.repostSource == null ? null : d.repostOriginalOn();
		b.documentIds = docIds;
		b.sections = sections;
		b.qa = qa;
		if (current == null) {
			b.status = InterpretationStatus.DRAFT;
			b.createdBy = actor.username();
			b.createdAt = now;
		}
		b.updatedAt = now;
		return b.build();
	}

	private Optional<Document> staffVisible(long documentId) {
		try {
			return Optional.of(documents.staffView(documentId));
		}
		catch (DomainException e) {
			return Optional.empty();
		}
	}

	private static void length(List<FieldProblem> problems, String field, String value, int max, String label) {
		if (value != null && value.trim().length() > max) {
			problems.add(new FieldProblem(field, label + "不能超过" + max + "字"));
		}
	}

	// ---- internals ----------------------------------------------------------------------------------

	Interpretation lock(long id) {
		return interpretations.findByIdForUpdate(id).orElseThrow(() -> DomainException.notFound("该解读不存在"));
	}

	Interpretation load(long id) {
		return interpretations.findById(id).orElseThrow(() -> DomainException.notFound("该解读不存在"));
	}

	private Agency activeAgency(long agencyId) {
		Agency agency = agencies.requireById(agencyId);
		if (!agency.active()) {
			throw new DomainException("该单位已撤销，不能再发布解读");
		}
		return agency;
	}

	private static void requireTransition(Interpretation i, InterpretationStatus target) {
		if (!i.status().canMoveTo(target)) {
			throw new DomainException("“" + i.status().label() + "”状态的解读不能转为“" + target.label() + "”");
		}
	}

	private Interpretation move(Interpretation i, Actor actor, InterpretationStatus target, String action, String note,
			String summary) {
		Instant now = clock.instant();
		interpretations.update(copy(i, b -> {
			b.status = target;
			b.updatedAt = now;
		}));
		interpretations.addHistory(i.id(), now, actor.username(), action, i.status(), target, note);
		audit(actor, i.agencyId(), i.id(), "interpretation." + action, summary + "：“" + i.title() + "”", i.status().label(),
				target.label());
		return load(i.id());
	}

	/** Public surfaces follow: the interpretation's pages and lists, the obligations and pages of its policies. */
	private void announce(Interpretation i, List<Long> documentIds) {
		events.publishEvent(new InterpretationChanged(i.id(), i.agencyId()));
		for (Long d : documentIds) {
			ledger.refresh(d);
			events.publishEvent(new DocumentRelationsChanged(d));
		}
	}

	private void audit(Actor actor, long agencyId, long id, String action, String summary, String before, String after) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, "Interpretation", id, summary, before,
				after));
	}

	Interpretation copy(Interpretation i, java.util.function.Consumer<Builder> change) {
		Builder b = new Builder(i);
		change.accept(b);
		return b.build();
	}

	/** A mutable copy of an interpretation, for building changed versions of the immutable record. */
	static final class Builder {

		long id;

		long agencyId;

		String title;

		InterpretationForm form;

		String summary;

		String body;

		String theme;

		long interpretingUnitId;

		String interpreter;

		String interpreterTitle;

		boolean principalLeader;

		boolean followUp;

		String mediaOutlet;

		Instant eventAt;

		String eventPlace;

		String participants;

		String mediaUrl;

		String transcript;

		String repostSource;

		String repostSourceUrl;

		LocalDate repostOriginalOn;

		InterpretationStatus status = InterpretationStatus.DRAFT;

		LocalDate publishedOn;

		Instant publishedAt;

		LocalDate dueOn;

		boolean dueProvisional;

		boolean late;

		boolean documentsPublic;

		String returnedReason;

		String withdrawnReason;

		String createdBy;

		Instant createdAt;

		Instant updatedAt;

		List<Long> documentIds = List.of();

		Map<InterpretationSection, String> sections = Map.of();

		List<Interpretation.QaPair> qa = List.of();

		Builder() {
		}

		Builder(Interpretation i) {
			id = i.id();
			agencyId = i.agencyId();
			title = i.title();
			form = i.form();
			summary = i.summary();
			body = i.body();
			theme = i.theme();
			interpretingUnitId = i.interpretingUnitId();
			interpreter = i.interpreter();
			interpreterTitle = i.interpreterTitle();
			principalLeader = i.principalLeader();
			followUp = i.followUp();
			mediaOutlet = i.mediaOutlet();
			eventAt = i.eventAt();
			eventPlace = i.eventPlace();
			participants = i.participants();
			mediaUrl = i.mediaUrl();
			transcript = i.transcript();
			repostSource = i.repostSource();
			repostSourceUrl = i.repostSourceUrl();
			repostOriginalOn = i.repostOriginalOn();
			status = i.status();
			publishedOn = i.publishedOn();
			publishedAt = i.publishedAt();
			dueOn = i.dueOn();
			dueProvisional = i.dueProvisional();
			late = i.late();
			documentsPublic = i.documentsPublic();
			returnedReason = i.returnedReason();
			withdrawnReason = i.withdrawnReason();
			createdBy = i.createdBy();
			createdAt = i.createdAt();
			updatedAt = i.updatedAt();
			documentIds = i.documentIds();
			sections = i.sections();
			qa = i.qa();
		}

		Interpretation build() {
			return new Interpretation(id, agencyId, title, form, summary, body, theme, interpretingUnitId, interpreter,
					interpreterTitle, principalLeader, followUp, mediaOutlet, eventAt, eventPlace, participants, mediaUrl,
					transcript, repostSource, repostSourceUrl, repostOriginalOn, status, publishedOn, publishedAt, dueOn,
					dueProvisional, late, documentsPublic, returnedReason, withdrawnReason, createdBy, createdAt, updatedAt, documentIds,
					sections, qa);
		}
	}
}
