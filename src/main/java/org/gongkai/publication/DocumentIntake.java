package org.gongkai.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Items pushed from an agency's office (OA) system: idempotent by external id, validated as a whole
 * before anything is written, and — since the OA workflow already did the attribute review — taken
 * straight to their final state unless the agency requires review on the platform or a
 * pre-publication check holds the item back.
 */
@Service
@Transactional
public class DocumentIntake {

	public static final String SCOPE = "intake";

	/** The outcome of a push; {@code created} is false when the external id was seen before. */
	public record Outcome(Document document, boolean created, String heldBecause) {
	}

	private final DocumentManagement management;

	private final Documents documents;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final PublicationSettings settings;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	DocumentIntake(DocumentManagement management, Documents documents, AgencyDirectory agencies, AgencyAccess access,
			PublicationSettings settings, ApplicationEventPublisher events, java.time.Clock clock) {
		this.management = management;
		this.documents = documents;
		this.agencies = agencies;
		this.access = access;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	public Outcome push(String agencyCode, String externalId, DocumentDraft draft) {
		Actor actor = Actors.require();
		Agency agency = resolveAgency(actor, agencyCode);
		String ext = externalId == null ? null : externalId.trim();
		if (ext == null || ext.isEmpty() || ext.length() > 100) {
			throw InvalidInputException.of("externalId", "请提供办公系统中的文件标识 externalId（不超过100个字符）");
		}
		Optional<Document> existing = documents.findByExternalId(agency.id(), ext);
		if (existing.isPresent()) {
			return new Outcome(existing.get(), false, null);
		}
		if (draft.attribute() == null) {
			throw InvalidInputException.of("attribute", "必须选择公开属性");
		}
		Instant now = clock.instant();
		Document built = management.build(agency, null, draft, DocumentStatus.SUBMITTED, actor.username(), now, false);
		Document withExt = management.copy(built, b -> b.externalId = ext);
		List<FieldProblem> problems = new java.util.ArrayList<>();
		if (withExt.formedOn() == null) {
			problems.add(new FieldProblem("formedOn", "请填写生成日期（信息形成或者变更的日期）"));
		}
		if (withExt.attribute() == DisclosureAttribute.NOT_DISCLOSED) {
			if (withExt.exemptionGround() == null) {
				problems.add(new FieldProblem("exemptionGround", "不予公开必须提供依据 exemptionGround（条例第十四条至第十六条）"));
			}
			if (withExt.exemptionReason() == null) {
				problems.add(new FieldProblem("exemptionReason", "不予公开必须写明理由 exemptionReason"));
			}
		}
		if (withExt.attribute() == DisclosureAttribute.PROACTIVE && withExt.nodeIds().isEmpty()) {
			problems.add(new FieldProblem("catalogNodes", "主动公开的信息请至少指定一个公开目录栏目代码 catalogNodes"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long id = documents.insert(withExt);
		documents.addHistory(id, now, actor.username(), "pushed", null, DocumentStatus.SUBMITTED, null, "办公系统推送：" + ext);
		events.publishEvent(ChangeRecorded.of(actor, now, agency.id(), "document.pushed", "Document", id,
				"办公系统推送信息“" + withExt.title() + "”", null, withExt.attribute().label()));
		Document saved = management.load(id);
		if (!actor.token()) {
			return new Outcome(saved, true, "以员工账号推送的信息须经平台审查和审批后发布");
		}
		if (settings.of(agency.id()).intakeRequiresReview()) {
			return new Outcome(saved, true, "本单位设置为推送的信息须在平台审查后发布");
		}
		if (saved.attribute() == DisclosureAttribute.PROACTIVE) {
			List<FieldProblem> required = new java.util.ArrayList<>(management.submitGateProblems(saved));
			required.addAll(management.gateProblems(saved));
			if (!required.isEmpty()) {
				// e.g. a normative document pushed without its interpretation: it waits on the platform (三同步)
				return new Outcome(saved, true, required.stream().map(FieldProblem::message)
					.collect(java.util.stream.Collectors.joining("；")));
			}
			PrePublicationCheck check = management.check(saved);
			if (check.blocksPublishing()) {
				return new Outcome(saved, true, check.reason());
			}
		}
		return new Outcome(management.finishFromIntake(saved, actor), true, null);
	}

	/** Looks an earlier push up again (after a concurrent duplicate lost the race on the unique key). */
	@Transactional(readOnly = true)
	public Optional<Document> findPushed(String agencyCode, String externalId) {
		Agency agency = resolveAgency(Actors.require(), agencyCode);
		return documents.findByExternalId(agency.id(), externalId == null ? "" : externalId.trim());
	}

	private Agency resolveAgency(Actor actor, String agencyCode) {
		if (actor.token()) {
			if (!actor.hasScope(SCOPE)) {
				throw DomainException.forbidden("该令牌没有“推送公文”（intake）用途");
			}
			Agency own = agencies.requireById(actor.agencyId());
			if (agencyCode != null && !agencyCode.isBlank() && !agencyCode.trim().equals(own.code())) {
				throw DomainException.forbidden("该令牌只能为“" + own.name() + "”推送信息");
			}
			if (!own.active()) {
				throw new DomainException("该单位已撤销，不能再发布信息");
			}
			return own;
		}
		if (agencyCode == null || agencyCode.isBlank()) {
			throw InvalidInputException.of("agency", "请提供单位代码 agency");
		}
		Agency agency = agencies.findByCode(agencyCode.trim())
			.orElseThrow(() -> InvalidInputException.of("agency", "没有代码为“" + agencyCode + "”的单位"));
		access.require(agency.id(), Role.EDITOR, Role.AGENCY_ADMIN);
		if (!agency.active()) {
			throw new DomainException("该单位已撤销，不能再发布信息");
		}
		return agency;
	}
}
