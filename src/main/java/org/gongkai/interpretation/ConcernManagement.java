package org.gongkai.interpretation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.HtmlBodies;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.gongkai.publication.DocumentRelationsChanged;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.publication.PublicationQueries;
import org.gongkai.publication.SensitiveWords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses to public concern (回应关切): editors record a hot topic when it is detected (from messages, the
 * hotline, media, inspections) with the policies it is about; the response is drafted and published by the
 * approving leader — the authoritative voice — and the time from detection to response is kept.
 */
@Service
@Transactional
public class ConcernManagement {

	/** What an editor enters for a topic; {@code detectedAt} in China time, empty for now. */
	public record TopicDraft(String title, ConcernTopic.Source source, String sourceNote, String description,
			LocalDateTime detectedAt, List<Long> documentIds) {
	}

	private final Concerns concerns;

	private final PublicationQueries documents;

	private final SensitiveWords sensitiveWords;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConcernManagement(Concerns concerns, PublicationQueries documents, SensitiveWords sensitiveWords, AgencyAccess access,
			AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
		this.concerns = concerns;
		this.documents = documents;
		this.sensitiveWords = sensitiveWords;
		this.access = access;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	public ConcernTopic recordTopic(long agencyId, TopicDraft draft) {
		Actor actor = access.require(agencyId, Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER);
		Agency agency = agencies.requireById(agencyId);
		if (!agency.active()) {
			throw new DomainException("该单位已撤销");
		}
		Instant now = clock.instant();
		ConcernTopic topic = validated(0, agencyId, draft, ConcernTopic.Status.OPEN, actor.username(), now, now);
		long id = concerns.insertTopic(topic);
		audit(actor, agencyId, "ConcernTopic", id, "concern.topic-recorded", "记录社会关切“" + topic.title() + "”");
		return concerns.topic(id, false).orElseThrow();
	}

	public ConcernTopic updateTopic(long topicId, TopicDraft draft) {
		ConcernTopic current = concerns.topic(topicId, true).orElseThrow(() -> DomainException.notFound("该关切不存在"));
		Actor actor = access.require(current.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER);
		ConcernTopic entered = validated(topicId, current.agencyId(), draft, current.status(), current.createdBy(),
				current.createdAt(), current.detectedAt());
		// the console shows the time to the minute: the same minute is the same time
		boolean sameMinute = entered.detectedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
			.equals(current.detectedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
		ConcernTopic changed = sameMinute ? new ConcernTopic(entered.id(), entered.agencyId(), entered.title(), entered.source(),
				entered.sourceNote(), entered.description(), current.detectedAt(), entered.status(), entered.createdBy(),
				entered.createdAt(), entered.documentIds()) : entered;
		List<ConcernResponse> published = concerns.responsesOf(topicId).stream().filter(ConcernResponse::isPublic).toList();
		if (!published.isEmpty()) {
			if (!changed.detectedAt().equals(current.detectedAt())) {
				throw InvalidInputException.of("detectedAt", "已发布回应的关切不能再修改发现时间（回应用时据此计算）");
			}
			List<String> findings = publicTextProblems(changed.title(), null, null);
			if (!findings.isEmpty()) {
				throw InvalidInputException.of("title", "关切事项随回应公开，不能含有个人信息或禁止发布的敏感词：" + String.join("；", findings));
			}
		}
		concerns.updateTopic(changed);
		audit(actor, current.agencyId(), "ConcernTopic", topicId, "concern.topic-updated", "修改社会关切“" + changed.title() + "”");
		concerns.responsesOf(topicId).stream().filter(ConcernResponse::isPublic).forEach(r -> announce(r, current, changed));
		return concerns.topic(topicId, false).orElseThrow();
	}

	public ConcernTopic closeTopic(long topicId) {
		ConcernTopic current = concerns.topic(topicId, true).orElseThrow(() -> DomainException.notFound("该关切不存在"));
		Actor actor = access.require(current.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		concerns.updateTopic(new ConcernTopic(current.id(), current.agencyId(), current.title(), current.source(),
				current.sourceNote(), current.description(), current.detectedAt(), ConcernTopic.Status.CLOSED,
				current.createdBy(), current.createdAt(), current.documentIds()));
		audit(actor, current.agencyId(), "ConcernTopic", topicId, "concern.topic-closed", "关闭社会关切“" + current.title() + "”");
		return concerns.topic(topicId, false).orElseThrow();
	}

	public ConcernResponse draftResponse(long topicId, String title, String body, String channel) {
		ConcernTopic topic = concerns.topic(topicId, true).orElseThrow(() -> DomainException.notFound("该关切不存在"));
		Actor actor = access.require(topic.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER);
		ConcernResponse draft = checkedDraft(topicId, topic.agencyId(), title, body, channel, actor.username(), clock.instant());
		long id = concerns.insertResponse(draft);
		audit(actor, topic.agencyId(), "ConcernResponse", id, "concern.response-drafted", "起草对“" + topic.title() + "”的回应");
		return concerns.response(id, false).orElseThrow();
	}

	/** The approving leader publishes the response; personal data and blocking words are refused. */
	public ConcernResponse publishResponse(long responseId) {
		ConcernResponse r = concerns.response(responseId, true).orElseThrow(() -> DomainException.notFound("该回应不存在"));
		Actor actor = access.require(r.agencyId(), Role.APPROVER);
		if (r.status() != ConcernResponse.Status.DRAFT) {
			throw new DomainException("“" + r.status().label() + "”的回应不能发布");
		}
		ConcernTopic about = concerns.topic(r.topicId(), false).orElseThrow();
		List<String> findings = publicTextProblems(about.title(), r.title(), r.body());
		if (!findings.isEmpty()) {
			throw InvalidInputException.of("body", "回应或关切事项中含有个人信息或禁止发布的敏感词，请修改后再发布：" + String.join("；", findings));
		}
		ConcernTopic topic = concerns.topic(r.topicId(), true).orElseThrow();
		ConcernResponse published = new ConcernResponse(r.id(), r.topicId(), r.agencyId(), r.title(), r.body(), r.channel(),
				ConcernResponse.Status.PUBLISHED, clock.instant(), null, r.createdBy(), r.createdAt());
		concerns.updateResponse(published);
		if (topic.status() == ConcernTopic.Status.OPEN) {
			concerns.updateTopic(new ConcernTopic(topic.id(), topic.agencyId(), topic.title(), topic.source(),
					topic.sourceNote(), topic.description(), topic.detectedAt(), ConcernTopic.Status.RESPONDED,
					topic.createdBy(), topic.createdAt(), topic.documentIds()));
		}
		audit(actor, r.agencyId(), "ConcernResponse", r.id(), "concern.response-published", "发布对“" + topic.title() + "”的回应（"
				+ ConcernResponse.elapsedLabel(topic.detectedAt(), published.publishedAt()) + "）");
		announce(published, topic, topic);
		return published;
	}

	public ConcernResponse withdrawResponse(long responseId, String reason) {
		ConcernResponse r = concerns.response(responseId, true).orElseThrow(() -> DomainException.notFound("该回应不存在"));
		Actor actor = access.require(r.agencyId(), Role.APPROVER, Role.AGENCY_ADMIN);
		if (r.status() != ConcernResponse.Status.PUBLISHED) {
			throw new DomainException("只有已发布的回应可以撤回");
		}
		String why = Texts.trimToNull(reason);
		if (why == null || why.length() > 1000) {
			throw InvalidInputException.of("reason", "请写明撤回理由（不超过1000字）");
		}
		ConcernResponse withdrawn = new ConcernResponse(r.id(), r.topicId(), r.agencyId(), r.title(), r.body(), r.channel(),
				ConcernResponse.Status.WITHDRAWN, r.publishedAt(), why, r.createdBy(), r.createdAt());
		concerns.updateResponse(withdrawn);
		audit(actor, r.agencyId(), "ConcernResponse", r.id(), "concern.response-withdrawn", "撤回回应“" + r.title() + "”");
		ConcernTopic topic = concerns.topic(r.topicId(), true).orElseThrow();
		if (topic.status() == ConcernTopic.Status.RESPONDED
				&& concerns.responsesOf(topic.id()).stream().noneMatch(ConcernResponse::isPublic)) {
			concerns.updateTopic(new ConcernTopic(topic.id(), topic.agencyId(), topic.title(), topic.source(),
					topic.sourceNote(), topic.description(), topic.detectedAt(), ConcernTopic.Status.OPEN, topic.createdBy(),
					topic.createdAt(), topic.documentIds()));
		}
		announce(withdrawn, topic, topic);
		return withdrawn;
	}

	/** What blocks public text: personal data and blocking sensitive words in the topic (shown with the response) and the response. */
	private List<String> publicTextProblems(String topicTitle, String title, String body) {
		List<String> findings = new ArrayList<>();
		for (String[] text : new String[][] { { "关切事项", topicTitle }, { "回应标题", title }, { "回应内容", HtmlBodies.text(body) } }) {
			PersonalDataScanner.scan(text[1], text[0]).forEach(f -> findings.add(f.where() + " " + f.kind().label() + " " + f.masked()));
			sensitiveWords.check(text[1], text[0]).stream()
				.filter(h -> h.level() == SensitiveWords.Level.BLOCK)
				.forEach(h -> findings.add(h.where() + " 敏感词“" + h.word() + "”"));
		}
		return findings;
	}

	/** Edits a draft response. */
	public ConcernResponse reviseResponse(long responseId, String title, String body, String channel) {
		ConcernResponse r = concerns.response(responseId, true).orElseThrow(() -> DomainException.notFound("该回应不存在"));
		Actor actor = access.require(r.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER);
		if (r.status() != ConcernResponse.Status.DRAFT) {
			throw new DomainException("只有草稿状态的回应可以修改");
		}
		ConcernResponse checked = checkedDraft(r.topicId(), r.agencyId(), title, body, channel, r.createdBy(), r.createdAt());
		concerns.updateResponse(new ConcernResponse(r.id(), r.topicId(), r.agencyId(), checked.title(), checked.body(),
				checked.channel(), ConcernResponse.Status.DRAFT, null, null, r.createdBy(), r.createdAt()));
		audit(actor, r.agencyId(), "ConcernResponse", r.id(), "concern.response-revised", "修改回应草稿“" + checked.title() + "”");
		return concerns.response(responseId, false).orElseThrow();
	}

	/** Deletes a draft response that will not be published. */
	public void discardResponse(long responseId) {
		ConcernResponse r = concerns.response(responseId, true).orElseThrow(() -> DomainException.notFound("该回应不存在"));
		Actor actor = access.require(r.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN, Role.APPROVER);
		if (r.status() != ConcernResponse.Status.DRAFT) {
			throw new DomainException("只有草稿状态的回应可以删除；已发布的回应请撤回");
		}
		concerns.deleteDraft(responseId);
		audit(actor, r.agencyId(), "ConcernResponse", r.id(), "concern.response-discarded", "删除回应草稿“" + r.title() + "”");
	}

	private ConcernResponse checkedDraft(long topicId, long agencyId, String title, String body, String channel,
			String createdBy, Instant createdAt) {
		List<FieldProblem> problems = new ArrayList<>();
		String t = Texts.trimToNull(title);
		if (t == null || t.length() > 300) {
			problems.add(new FieldProblem("title", "请填写回应标题（不超过300字）"));
		}
		String b = HtmlBodies.sanitise(body);
		if (b == null || HtmlBodies.text(b).isBlank()) {
			problems.add(new FieldProblem("body", "请填写回应内容"));
		}
		String c = Texts.trimToNull(channel);
		if (c != null && c.length() > 200) {
			problems.add(new FieldProblem("channel", "回应渠道不能超过200字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ConcernResponse(0, topicId, agencyId, t, b, c, ConcernResponse.Status.DRAFT, null, null, createdBy, createdAt);
	}

	/** {@code detectedWhenEmpty}: now for a new topic, the recorded time when an edit leaves it out. */
	private ConcernTopic validated(long id, long agencyId, TopicDraft d, ConcernTopic.Status status, String createdBy,
			Instant createdAt, Instant detectedWhenEmpty) {
		List<FieldProblem> problems = new ArrayList<>();
		String title = Texts.trimToNull(d.title());
		if (title == null || title.length() > 300) {
			problems.add(new FieldProblem("title", "请填写关切事项（不超过300字）"));
		}
		if (d.source() == null) {
			problems.add(new FieldProblem("source", "请选择关切来源"));
		}
		String note = Texts.trimToNull(d.sourceNote());
		if (note != null && note.length() > 1000) {
			problems.add(new FieldProblem("sourceNote", "来源说明不能超过1000字"));
		}
		Instant detected = d.detectedAt() == null ? detectedWhenEmpty : d.detectedAt().atZone(Zones.CHINA).toInstant();
		if (detected.isAfter(clock.instant().plusSeconds(60))) {
			problems.add(new FieldProblem("detectedAt", "发现时间不能晚于现在"));
		}
		else if (detected.atZone(Zones.CHINA).getYear() < 2000) {
			problems.add(new FieldProblem("detectedAt", "发现时间应在2000年以后"));
		}
		List<Long> docs = new ArrayList<>(new LinkedHashSet<>(d.documentIds() == null ? List.of() : d.documentIds()));
		for (Long doc : docs) {
			if (doc == null || documents.publicDocument(doc).isEmpty()) {
				problems.add(new FieldProblem("documentIds", "关联的政策须是已公开的文件（编号 " + doc + " 不是）"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ConcernTopic(id, agencyId, title, d.source(), note, Texts.trimToNull(d.description()), detected, status,
				createdBy, createdAt, docs);
	}

	private void announce(ConcernResponse r, ConcernTopic before, ConcernTopic after) {
		events.publishEvent(new ConcernResponseChanged(r.id(), r.agencyId()));
		LinkedHashSet<Long> docs = new LinkedHashSet<>(before.documentIds());
		docs.addAll(after.documentIds());
		docs.forEach(d -> events.publishEvent(new DocumentRelationsChanged(d)));
	}

	private void audit(Actor actor, long agencyId, String type, long id, String action, String summary) {
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, action, type, id, summary, null, null));
	}
}
