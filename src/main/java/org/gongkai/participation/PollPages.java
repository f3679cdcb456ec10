package org.gongkai.participation;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SiteSettings;
import org.gongkai.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The public poll pages — the list with its filters, each poll with its results when they are public, and the Atom
 * feed — from public data only ({@link PollQueries} gives public polls alone and never a free-text answer). They carry
 * no form, so they are rendered without a session.
 */
@Component
class PollPages {

	private final PageRenderer renderer;

	private final PollQueries queries;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	private final SiteSettings site;

	PollPages(PageRenderer renderer, PollQueries queries, AgencyDirectory agencies, AgencyColumns columns, SiteSettings site) {
		this.renderer = renderer;
		this.queries = queries;
		this.agencies = agencies;
		this.columns = columns;
		this.site = site;
	}

	/** The list, site-wide or of one agency, optionally of one state. */
	String list(Agency agency, PollStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		if (agency != null) {
			model.put("columns", columns.of(agency.id()));
		}
		model.put("items", queries.publicList(agency == null ? null : agency.id(), status));
		model.put("status", status);
		model.put("statuses", List.of(PollStatus.OPEN, PollStatus.NOT_STARTED, PollStatus.CLOSED));
		model.put("agencyOptions", agencies.active());
		model.put("listPath", PollQueries.LIST);
		model.put("feed", PollQueries.FEED + (agency == null ? "" : "?agency=" + agency.code()));
		model.put("participationPath", ParticipationColumns.HOME);
		return renderer.render("participation/poll-list", model);
	}

	/** One public poll; empty when it is not public. */
	Optional<String> poll(long id) {
		return queries.publicPoll(id).map(v -> {
			Map<String, Object> model = new HashMap<>();
			model.put("v", v);
			model.put("descriptionLines", lines(v.poll().description()));
			model.put("listPath", PollQueries.LIST);
			model.put("participationPath", ParticipationColumns.HOME);
			return renderer.render("participation/poll-page", model);
		});
	}

	String feed(Agency agency) {
		List<PollQueries.PollSummary> items = queries.publicList(agency == null ? null : agency.id(), null)
			.stream()
			.sorted((a, b) -> Long.compare(b.poll().id(), a.poll().id()))
			.limit(50)
			.toList();
		String title = (agency == null ? site.name() : agency.name()) + " 民意调查";
		return AtomFeeds.write(site.domain(), title, PollQueries.FEED + (agency == null ? "" : "?agency=" + agency.code()),
				agency == null ? PollQueries.LIST : PollQueries.LIST + "?agency=" + agency.code(),
				agency == null ? site.host() : agency.name(), Instant.EPOCH,
				items.stream()
					.map(s -> new AtomFeeds.Entry(s.poll().title(), s.path(), "urn:gongkai:poll:" + s.poll().id(),
							published(s.poll()), s.agency().name(),
							s.status().label() + "：" + s.poll().opensOn() + "至" + s.poll().closesOn() + "。" + s.note()))
					.toList());
	}

	private static Instant published(Poll p) {
		return p.publishedAt() != null ? p.publishedAt() : p.opensOn().atStartOfDay(Zones.CHINA).toInstant();
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}
}
