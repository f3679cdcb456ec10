package org.gongkai.interpretation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.gongkai.calendar.DueDate;
import org.gongkai.calendar.WorkingDayCalendar;
import org.gongkai.publication.Document;
import org.gongkai.publication.PublicationQueries;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeliness duty of each published policy that needs interpretation (domain-rules.md §6.2): due at the
 * latest the agency's number of working days after the policy's publication, met by the first published
 * interpretation. Recomputed from the records whenever the policy, its dossier or its interpretations change,
 * so it is never out of step with them.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class TimelinessLedger {

	private final Dossiers dossiers;

	private final Interpretations interpretations;

	private final InterpretationSettings settings;

	private final PublicationQueries documents;

	private final WorkingDayCalendar calendar;

	TimelinessLedger(Dossiers dossiers, Interpretations interpretations, InterpretationSettings settings,
			PublicationQueries documents, WorkingDayCalendar calendar) {
		this.dossiers = dossiers;
		this.interpretations = interpretations;
		this.settings = settings;
		this.documents = documents;
		this.calendar = calendar;
	}

	/** A rule, a normative document or a document its agency marked: 三同步 and the deadline apply. */
	boolean requiresInterpretation(Document doc) {
		return doc.normative() || doc.governmentRule()
				|| dossiers.find(doc.id()).map(PolicyDossier::needsInterpretation).orElse(false);
	}

	/**
	 * Whether an interpretation counts for a policy's duty: it is the policy agency's own, or that agency is its
	 * interpreting unit (谁起草谁解读: a department may interpret a policy the government issued for it). Another
	 * agency reposting or explaining a public policy does not discharge the issuing agency's duty.
	 */
	static boolean counts(Interpretation i, Document doc) {
		return i.agencyId() == doc.agencyId() || i.interpretingUnitId() == doc.agencyId();
	}

	/** The latest day an interpretation of this published policy is due (counted from the day after publication). */
	@Transactional(propagation = Propagation.SUPPORTS)
	DueDate dueDate(Document doc) {
		return calendar.addWorkingDaysProvisionally(doc.publishedOn(), settings.of(doc.agencyId()).deadlineDays());
	}

	void refreshProvisional() {
		dossiers.provisionalObligations().forEach(this::refresh);
	}

	void refresh(long documentId) {
		Optional<Obligation> existing = dossiers.obligationForUpdate(documentId);
		Optional<Document> published = documents.publicDocument(documentId).filter(d -> d.publishedOn() != null);
		if (published.isEmpty() || !requiresInterpretation(published.get())) {
			existing.filter(o -> !o.cancelled()).ifPresent(o -> dossiers.saveObligation(new Obligation(o.documentId(),
					o.agencyId(), o.documentTitle(), o.publishedOn(), o.dueOn(), o.provisional(), o.metOn(),
					o.interpretationId(), o.late(), o.waived(), true)));
			return;
		}
		Document doc = published.get();
		DueDate due = dueDate(doc);
		Optional<Interpretation> first = interpretations.ofDocument(documentId)
			.stream()
			.filter(i -> counts(i, doc))
			.filter(i -> i.status() == InterpretationStatus.PUBLISHED && i.publishedOn() != null)
			.min(Comparator.comparing(Interpretation::publishedOn).thenComparing(Interpretation::id));
		LocalDate metOn = first.map(Interpretation::publishedOn).orElse(null);
		boolean waived = dossiers.find(documentId).map(PolicyDossier::isWaived).orElse(false);
		dossiers.saveObligation(new Obligation(documentId, doc.agencyId(), doc.title(), doc.publishedOn(), due.date(),
				due.provisional(), metOn, first.map(Interpretation::id).orElse(null),
				metOn != null && metOn.isAfter(due.date()), waived, false));
	}
}
