package org.gongkai.interpretation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.publication.Document;
import org.gongkai.publication.PublicationQueries;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interpretation side of a policy document, kept by the document's agency: the mark that it needs
 * interpretation, the interpretation plan, the leader's reason when none is needed, and the public-opinion
 * risk assessment with its response plan.
 */
@Service
@Transactional
public class PolicyDossiers {

	/** The plan of 三同步: 时间, 途径, 形式, 提纲. */
	public record Plan(Boolean needsInterpretation, LocalDate planOn, String channels, String forms, String outline) {
	}

	/** The risk assessment of a policy likely to draw attention, and how the agency will respond. */
	public record Risk(Boolean drawsAttention, PolicyDossier.RiskLevel level, String assessment, String responsePlan) {
	}

	private final Dossiers dossiers;

	private final TimelinessLedger ledger;

	private final InterpretationSettings settings;

	private final PublicationQueries documents;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	PolicyDossiers(Dossiers dossiers, TimelinessLedger ledger, InterpretationSettings settings, PublicationQueries documents,
			AgencyAccess access, ApplicationEventPublisher events, java.time.Clock clock) {
		this.dossiers = dossiers;
		this.ledger = ledger;
		this.settings = settings;
		this.documents = documents;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PolicyDossier of(long documentId) {
		Document doc = documents.staffView(documentId);
		return dossiers.find(documentId).orElse(PolicyDossier.empty(documentId, doc.agencyId()));
	}

	@Transactional(readOnly = true)
	public boolean requiresInterpretation(long documentId) {
		return ledger.requiresInterpretation(documents.staffView(documentId));
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Obligation> obligation(long documentId) {
		documents.staffView(documentId);
		return dossiers.obligation(documentId);
	}

	public PolicyDossier savePlan(long documentId, Plan plan) {
		Document doc = documents.staffView(documentId);
		Actor actor = access.require(doc.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		List<FieldProblem> problems = new ArrayList<>();
		String channels = limited(problems, "channels", plan.channels(), 500, "解读途径");
		String forms = limited(problems, "forms", plan.forms(), 200, "解读形式");
		String outline = limited(problems, "outline", plan.outline(), 5000, "解读提纲");
		boolean any = plan.planOn() != null || channels != null || forms != null || outline != null;
		boolean complete = plan.planOn() != null && channels != null && forms != null && outline != null;
		if (any && !complete) {
			problems.add(new FieldProblem("plan", "解读方案须同时写明解读时间、途径、形式和提纲"));
		}
		if (plan.planOn() != null && doc.formedOn() != null && plan.planOn().isBefore(doc.formedOn())) {
			problems.add(new FieldProblem("planOn", "计划解读时间不能早于文件的生成日期"));
		}
		if (plan.planOn() != null && (plan.planOn().getYear() < 2000 || plan.planOn().getYear() > 2100)) {
			problems.add(new FieldProblem("planOn", "计划解读时间应在2000年至2100年之间"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PolicyDossier before = dossiers.lock(documentId, doc.agencyId(), actor.username(), clock.instant());
		// a missing mark leaves it as it is; once the policy is submitted the duty can be added, never removed
		boolean needs = plan.needsInterpretation() == null ? before.needsInterpretation() : plan.needsInterpretation();
		boolean submitted = !doc.status().isEditable();
		if (submitted && before.needsInterpretation() && !needs) {
			throw new DomainException("文件已提交审查，不能再取消“需要解读”的标记");
		}
		boolean planChanged = !java.util.Objects.equals(before.planOn(), plan.planOn())
				|| !java.util.Objects.equals(before.planChannels(), channels)
				|| !java.util.Objects.equals(before.planForms(), forms) || !java.util.Objects.equals(before.planOutline(), outline);
		if (submitted && before.hasPlan() && planChanged) {
			throw new DomainException("解读方案已随文件报批，不能再修改；如需调整，请将文件退回后修改");
		}
		PolicyDossier after = new PolicyDossier(documentId, doc.agencyId(), needs, before.drawsAttention(), plan.planOn(),
				channels, forms, outline, before.waiverReason(), before.waivedBy(), before.riskLevel(), before.riskAssessment(),
				before.responsePlan(), actor.username(), clock.instant());
		return save(actor, doc, after, "interpretation.plan-saved", "填报“" + doc.title() + "”的解读方案");
	}

	public PolicyDossier saveRisk(long documentId, Risk risk) {
		Document doc = documents.staffView(documentId);
		Actor actor = access.require(doc.agencyId(), Role.EDITOR, Role.AGENCY_ADMIN);
		List<FieldProblem> problems = new ArrayList<>();
		String assessment = limited(problems, "riskAssessment", risk.assessment(), 5000, "舆情风险评估意见");
		String response = limited(problems, "responsePlan", risk.responsePlan(), 5000, "回应预案");
		if ((assessment != null || response != null) && risk.level() == null) {
			problems.add(new FieldProblem("riskLevel", "请选择舆情风险等级"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PolicyDossier before = dossiers.lock(documentId, doc.agencyId(), actor.username(), clock.instant());
		boolean draws = risk.drawsAttention() == null ? before.drawsAttention() : risk.drawsAttention();
		if (doc.isPublic() && before.drawsAttention() && !draws) {
			throw new DomainException("文件已公开，不能再取消“可能引发社会关注”的标记");
		}
		PolicyDossier after = new PolicyDossier(documentId, doc.agencyId(), before.needsInterpretation(), draws, before.planOn(), before.planChannels(), before.planForms(),
				before.planOutline(), before.waiverReason(), before.waivedBy(), risk.level(), assessment, response,
				actor.username(), clock.instant());
		return save(actor, doc, after, "interpretation.risk-assessed", "填报“" + doc.title() + "”的舆情风险评估和回应预案");
	}

	/** The approving leader records why the policy needs no interpretation (where the agency allows it). */
	public PolicyDossier waive(long documentId, String reason) {
		Document doc = documents.staffView(documentId);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER);
		if (!settings.of(doc.agencyId()).waiverAllowed()) {
			throw new DomainException("本单位规定须解读的文件必须有解读材料，不能以理由代替");
		}
		if (doc.status().isFinal()) {
			throw new DomainException("文件已审批，不能再记录无需解读的理由；已公开的文件请按时发布解读");
		}
		String r = Texts.trimToNull(reason);
		if (r == null || r.length() > 1000) {
			throw InvalidInputException.of("reason", "请写明无需解读的理由（不超过1000字）");
		}
		PolicyDossier before = dossiers.lock(documentId, doc.agencyId(), actor.username(), clock.instant());
		PolicyDossier after = new PolicyDossier(documentId, doc.agencyId(), before.needsInterpretation(),
				before.drawsAttention(), before.planOn(), before.planChannels(), before.planForms(), before.planOutline(), r,
				actor.username(), before.riskLevel(), before.riskAssessment(), before.responsePlan(), actor.username(),
				clock.instant());
		return save(actor, doc, after, "interpretation.waived", "记录“" + doc.title() + "”无需解读的理由");
	}

	public PolicyDossier clearWaiver(long documentId) {
		Document doc = documents.staffView(documentId);
		Actor actor = access.require(doc.agencyId(), Role.APPROVER);
		if (doc.status().isFinal()) {
			throw new DomainException("文件已审批，无需解读的记录不能再撤销");
		}
		PolicyDossier before = dossiers.lock(documentId, doc.agencyId(), actor.username(), clock.instant());
		PolicyDossier after = new PolicyDossier(documentId, doc.agencyId(), before.needsInterpretation(),
				before.drawsAttention(), before.planOn(), before.planChannels(), before.planForms(), before.planOutline(), null,
				null, before.riskLevel(), before.riskAssessment(), before.responsePlan(), actor.username(), clock.instant());
		return save(actor, doc, after, "interpretation.waiver-cleared", "撤销“" + doc.title() + "”无需解读的记录");
	}

	private PolicyDossier save(Actor actor, Document doc, PolicyDossier after, String action, String summary) {
		PolicyDossier before = dossiers.find(doc.id()).filter(d -> d.updatedAt() != null).orElse(null);
		dossiers.save(after);
		ledger.refresh(doc.id());
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), doc.agencyId(), action, "Document", doc.id(), summary,
				before == null ? null : describe(before), describe(after)));
		return after;
	}

	private static String describe(PolicyDossier d) {
		return (d.needsInterpretation() ? "需要解读" : "") + (d.hasPlan() ? " 方案：" + d.planOn() + " " + d.planForms() : "")
				+ (d.isWaived() ? " 无需解读：" + d.waiverReason() : "")
				+ (d.drawsAttention() ? " 可能引发关注" + (d.riskLevel() == null ? "" : "，风险" + d.riskLevel().label()) : "");
	}

	private static String limited(List<FieldProblem> problems, String field, String value, int max, String label) {
		String v = Texts.trimToNull(value);
		if (v != null && v.length() > max) {
			problems.add(new FieldProblem(field, label + "不能超过" + max + "字"));
		}
		return v;
	}
}
