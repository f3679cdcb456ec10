package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public consultations (意见征集) for the site search, read through {@link ConsultationQueries#publicConsultation} and
 * rendered as text from the same view the consultation's public page is made of ({@link ConsultationPages#view}): the
 * draft, its explanation and basis, the comments shown in public (masked, never the commenter) and the published
 * adoption feedback. A draft or withdrawn consultation is not searchable.
 */
@Component
@Transactional(readOnly = true)
class ConsultationSearchSource implements SearchSource {

	static final String KIND = "consultation";

	private final ConsultationQueries queries;

	private final ConsultationPages pages;

	ConsultationSearchSource(ConsultationQueries queries, ConsultationPages pages) {
		this.queries = queries;
		this.pages = pages;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "意见征集";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicConsultation(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		// the list rows leave out the long texts: each is read again in full
		for (Consultation c : queries.publicList(null, null)) {
			publicEntry(c.id()).ifPresent(sink);
		}
	}

	private SearchEntry entry(Consultation c) {
		ConsultationPages.View v = pages.view(c);
		List<String> parts = new ArrayList<>();
		parts.add(v.agency().name() + " " + v.status().label());
		parts.add("征集时间：" + c.opensOn() + " 至 " + c.effectiveClosesOn());
		parts.add(c.shortReason());
		if (v.articles().isEmpty()) {
			parts.add(c.draft());
		}
		else {
			parts.add(v.preamble());
			v.articles().forEach(a -> parts.add(a.text()));
		}
		parts.add(c.explanation());
		parts.add(c.basis());
		parts.add(c.closedEarlyReason());
		if (v.comments() != null) {
			v.comments().forEach(x -> parts.add(x.content()));
		}
		if (v.status() == ConsultationStatus.FEEDBACK_PUBLISHED) {
			parts.add(c.mainChanges());
			for (ConsultationPages.PublicGroup g : v.groups()) {
				parts.add(g.topic());
				parts.add(g.reason());
				if (g.comments() != null) {
					parts.addAll(g.comments());
				}
			}
		}
		Instant at = c.feedbackPublishedAt() != null ? c.feedbackPublishedAt() : c.publishedAt();
		LocalDate date = at != null ? LocalDate.ofInstant(at, Zones.CHINA) : c.opensOn();
		return new SearchEntry(KIND, c.id(), c.agencyId(), ConsultationKind.path(c.id()), c.title(), SearchEntry.lines(parts), null, date, null,
				null, false);
	}

}
