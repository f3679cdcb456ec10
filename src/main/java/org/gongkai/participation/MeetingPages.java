package org.gongkai.participation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The public pages of open meetings — the list with its filters, paging and feed, and each meeting's page — rendered
 * without a session from {@link MeetingQueries}' public views only.
 */
@Component
class MeetingPages {

	static final int PAGE_SIZE = 20;

	private final PageRenderer renderer;

	private final MeetingQueries queries;

	private final AgencyDirectory agencies;

	private final SiteSettings site;

	MeetingPages(PageRenderer renderer, MeetingQueries queries, AgencyDirectory agencies, SiteSettings site) {
		this.renderer = renderer;
		this.queries = queries;
		this.agencies = agencies;
		this.site = site;
	}

	/** The list's filters from the query string. */
	record Filters(String agency, MeetingType type, Integer year, int page) {

		String query(int toPage) {
			StringBuilder q = new StringBuilder();
			if (agency != null) {
				q.append("&agency=").append(java.net.URLEncoder.encode(agency, java.nio.charset.StandardCharsets.UTF_8));
			}
			if (type != null) {
				q.append("&type=").append(type.name());
			}
			if (year != null) {
				q.append("&year=").append(year);
			}
			if (toPage > 1) {
				q.append("&page=").append(toPage);
			}
			return q.isEmpty() ? "" : "?" + q.substring(1);
		}
	}

	Optional<String> list(Filters f) {
		Agency agency = null;
		if (f.agency() != null) {
			agency = agencies.findByCode(f.agency()).filter(Agency::active).orElse(null);
			if (agency == null) {
				return Optional.empty();
			}
		}
		List<MeetingQueries.PublicMeeting> all = queries.publicMeetings(agency == null ? null : agency.id(), f.type(), f.year());
		int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (f.page() > pages) {
			return Optional.empty();
		}
		List<MeetingQueries.PublicMeeting> shown = all.subList((f.page() - 1) * PAGE_SIZE, Math.min(all.size(), f.page() * PAGE_SIZE));
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("filters", f);
		model.put("upcoming", shown.stream().filter(MeetingQueries.PublicMeeting::upcoming).map(this::summary).toList());
		model.put("held", shown.stream().filter(p -> !p.upcoming()).map(this::summary).toList());
		model.put("total", all.size());
		model.put("page", f.page());
		model.put("pages", pages);
		model.put("types", MeetingType.values());
		model.put("agencyOptions", agencies.active());
		model.put("listPath", MeetingQueries.LIST);
		model.put("feed", MeetingQueries.FEED);
		model.put("trackPath", MeetingQueries.TRACK);
		model.put("prev", f.page() > 1 ? MeetingQueries.LIST + f.query(f.page() - 1) : null);
		model.put("next", f.page() < pages ? MeetingQueries.LIST + f.query(f.page() + 1) : null);
		return Optional.of(renderer.render("participation/meeting-list", model));
	}

	Optional<String> item(long id) {
		return queries.publicMeeting(id).map(p -> {
			Map<String, Object> model = new HashMap<>();
			model.put("p", p);
			model.put("m", p.meeting());
			model.put("startsAt", p.startsAt());
			model.put("deadline", MeetingQueries.when(p.meeting().applyDeadline()));
			model.put("invited", p.meeting().invited().stream().sorted().map(AttendanceCategory::label).toList());
			model.put("attendance", p.attendance().entrySet().stream()
				.map(e -> Map.of("label", e.getKey().label(), "count", e.getValue()))
				.toList());
			model.put("applyPath", MeetingQueries.applyPath(p.meeting().id()));
			model.put("listPath", MeetingQueries.LIST);
			model.put("agencyListPath", MeetingQueries.listPath(p.agency().code()));
			model.put("trackPath", MeetingQueries.TRACK);
			return renderer.render("participation/meeting-item", model);
		});
	}

	String feed() {
		List<MeetingQueries.PublicMeeting> all = queries.publicMeetings(null, null, null);
		return AtomFeeds.write(site.domain(), site.name() + " 会议公开", MeetingQueries.FEED, MeetingQueries.LIST, site.host(),
				Instant.EPOCH,
				all.stream().limit(50).map(p -> new AtomFeeds.Entry(p.meeting().title(), p.path(),
						"urn:gongkai:meeting:" + p.meeting().id(), published(p), p.agency().name(),
						p.meeting().type().label() + "，" + p.startsAt() + (p.upcoming() ? " 召开" : " 已召开")
								+ (p.outcomePublished() ? "，已公开议定事项" + p.decided().size() + "项" : "")))
					.toList());
	}

	private static Instant published(MeetingQueries.PublicMeeting p) {
		Meeting m = p.meeting();
		Instant at = m.publishedAt() == null ? m.startsAt() : m.publishedAt();
		return m.outcomePublishedAt() != null && m.outcomePublishedAt().isAfter(at) ? m.outcomePublishedAt() : at;
	}

	private Map<String, Object> summary(MeetingQueries.PublicMeeting p) {
		Map<String, Object> x = new HashMap<>();
		x.put("id", p.meeting().id());
		x.put("title", p.meeting().title());
		x.put("href", p.path());
		x.put("type", p.meeting().type().label());
		x.put("agency", p.agency().name());
		x.put("startsAt", p.startsAt());
		x.put("iso", p.meeting().startsAt().toString());
		x.put("place", p.meeting().place());
		x.put("live", p.live());
		x.put("applicationsOpen", p.applicationsOpen());
		x.put("decidedCount", p.outcomePublished() ? p.decided().size() : 0);
		x.put("outcomePublished", p.outcomePublished());
		return x;
	}
}
