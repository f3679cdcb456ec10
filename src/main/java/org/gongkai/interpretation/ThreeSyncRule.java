package org.gongkai.interpretation;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.publication.Document;
import org.gongkai.publication.PublicationGate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三同步 (同步组织、同步审签、同步部署) for rules, normative documents and documents the agency marks as needing
 * interpretation (国办发〔2016〕19号, domain-rules.md §6.2): submission requires the interpretation plan; approval
 * for publishing requires interpretation material signed off with the policy, or the leader's recorded reason why
 * none is needed where the agency allows it; a policy likely to draw public attention requires its public-opinion
 * risk assessment and response plan (seed 003 (四)).
 */
@Component
@Transactional(readOnly = true)
class ThreeSyncRule implements PublicationGate {

	private final Dossiers dossiers;

	private final Interpretations interpretations;

	private final InterpretationSettings settings;

	private final TimelinessLedger ledger;

	private final java.time.Clock clock;

	private final org.gongkai.publication.PublicationQueries documents;

	ThreeSyncRule(Dossiers dossiers, Interpretations interpretations, InterpretationSettings settings,
			TimelinessLedger ledger, java.time.Clock clock, org.gongkai.publication.PublicationQueries documents) {
		this.documents = documents;
		this.dossiers = dossiers;
		this.interpretations = interpretations;
		this.settings = settings;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public List<FieldProblem> beforeSubmit(Document document) {
		if (!ledger.requiresInterpretation(document)) {
			return List.of();
		}
		PolicyDossier dossier = dossier(document);
		if (dossier.hasPlan()) {
			return List.of();
		}
		return List.of(new FieldProblem("interpretationPlan", "“" + document.title() + "”" + kind(document, dossier)
				+ "，提交审查时须一并报送解读方案（解读时间、途径、形式、提纲）。请在“解读与回应”中填写解读方案（三同步）"));
	}

	@Override
	public List<FieldProblem> beforePublishing(Document document) {
		List<FieldProblem> problems = new ArrayList<>();
		PolicyDossier dossier = dossier(document);
		if (ledger.requiresInterpretation(document)) {
			boolean material = interpretations.ofDocument(document.id()).stream().anyMatch(i -> willPublishWith(i, document));
			boolean waived = dossier.isWaived() && settings.of(document.agencyId()).waiverAllowed();
			if (!material && !waived) {
				problems.add(new FieldProblem("interpretation", "“" + document.title() + "”" + kind(document, dossier)
						+ "，须与解读材料同步审签后才能公开：请先提交解读材料并由负责人审签"
						+ (settings.of(document.agencyId()).waiverAllowed() ? "，或由负责人记录无需解读的理由" : "（本单位不允许以理由代替解读材料）")
						+ "（三同步）"));
			}
		}
		if (dossier.drawsAttention() && !dossier.hasRiskAssessment()) {
			problems.add(new FieldProblem("riskAssessment", "“" + document.title()
					+ "”已标记为可能引发社会关注的政策，公开前须附舆情风险评估（风险等级、评估意见）和回应预案"));
		}
		return problems;
	}

	@Override
	public List<GateNote> consoleNotes(Document document) {
		PolicyDossier dossier = dossier(document);
		String href = "/console/interpretation/policies/" + document.id();
		List<GateNote> notes = new ArrayList<>();
		if (!ledger.requiresInterpretation(document)) {
			notes.add(new GateNote("本文件不属于规章或行政规范性文件，未标记“需要解读”；重要政策文件可标记后按三同步办理", href, true));
		}
		else {
			notes.add(dossier.hasPlan()
					? new GateNote("解读方案已填报：" + dossier.planOn() + "，" + dossier.planForms() + "，" + dossier.planChannels(), href, true)
					: new GateNote("须填报解读方案（时间、途径、形式、提纲）后才能提交审查", href, false));
			List<Interpretation> linked = interpretations.ofDocument(document.id());
			long signedOff = linked.stream().filter(i -> willPublishWith(i, document)).count();
			if (signedOff > 0) {
				notes.add(new GateNote("解读材料已审签 " + signedOff + " 篇，随文件同步发布", href, true));
			}
			else if (dossier.isWaived()) {
				notes.add(new GateNote("已记录无需解读的理由：" + dossier.waiverReason(), href,
						settings.of(document.agencyId()).waiverAllowed()));
			}
			else {
				notes.add(new GateNote("解读材料 " + linked.size() + " 篇，尚无经负责人审签的，审批公开前须审签", href, false));
			}
			dossiers.obligation(document.id()).filter(o -> !o.cancelled()).ifPresent(o -> {
				Obligation.State state = o.state(java.time.LocalDate.now(clock.withZone(org.gongkai.platform.Zones.CHINA)));
				notes.add(new GateNote("解读时效：" + state.label() + "（最迟 " + o.dueOn() + (o.metOn() != null ? "，" + o.metOn() + " 发布" : "")
						+ "）", href, state != Obligation.State.MISSING && state != Obligation.State.LATE));
			});
		}
		if (dossier.drawsAttention()) {
			notes.add(dossier.hasRiskAssessment()
					? new GateNote("舆情风险评估已完成（风险" + dossier.riskLevel().label() + "），已附回应预案", href, true)
					: new GateNote("可能引发社会关注：公开前须完成舆情风险评估并附回应预案", href, false));
		}
		return notes;
	}

	/**
	 * Material that goes out with this policy: signed off, counted for its agency, and — when it also explains
	 * other policies — not held back by one of them that is not public yet.
	 */
	private boolean willPublishWith(Interpretation i, Document document) {
		if (!i.status().isSignedOff() || !TimelinessLedger.counts(i, document)) {
			return false;
		}
		return i.status() == InterpretationStatus.PUBLISHED || i.documentIds().stream()
			.filter(d -> d != document.id())
			.allMatch(d -> documents.publicDocument(d).isPresent());
	}

	private PolicyDossier dossier(Document document) {
		return dossiers.find(document.id()).orElse(PolicyDossier.empty(document.id(), document.agencyId()));
	}

	private static String kind(Document document, PolicyDossier dossier) {
		if (document.governmentRule()) {
			return "是政府规章";
		}
		if (document.normative()) {
			return "是行政规范性文件";
		}
		return "已标记为需要解读的政策文件";
	}
}
