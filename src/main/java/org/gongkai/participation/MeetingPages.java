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
		if (f.page() < 1) {
			return Optional.empty();
		}
		MeetingQueries.PublicPage found = queries.publicMeetings(agency == null ? null : agency.id(), f.type(), f.year(),
				(int) Math.min(Integer.MAX_VALUE, (long) (f.page() - 1) * PAGE_SIZE), PAGE_SIZE);
		int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (f.page() > pages) {
			return Optional.empty();
		}
		List<MeetingQueries.PublicLine> shown = found.lines();
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		model.put("filters", f);
		model.put("upcoming", shown.stream().filter(MeetingQueries.PublicLine::upcoming).map(this::summary).toList());
		model.put("held", shown.stream().filter(p -> !p.upcoming()).map(this::summary).toList());
		model.put("total", found.total());
		model.put("page", f.page());
		model.put("pages", pages);
		model.put("types", MeetingType.values());
		model.put("agencyOptions", agencies.active());
		model.put("listPath", MeetingQueries.LIST);
		model.put("feed", agency == null ? MeetingQueries.FEED : MeetingQueries.feedPath(agency.code()));
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
		return feed(null);
	}

	/** The feed of one agency's meetings (all agencies when null); empty when the agency is unknown or inactive. */
	Optional<String> agencyFeed(String code) {
		return agencies.findByCode(code).filter(Agency::active).map(this::feed);
	}

	private String feed(Agency agency) {
		List<MeetingQueries.PublicLine> lines = queries.publicMeetings(agency == null ? null : agency.id(), null, null, 0, 50).lines();
		String self = agency == null ? MeetingQueries.FEED : MeetingQueries.feedPath(agency.code());
		return AtomFeeds.write(site.domain(), site.name() + (agency == null ? "" : " " + agency.name()) + " 会议公开", self,
				MeetingQueries.listPath(agency == null ? null : agency.code()), site.host(), Instant.EPOCH,
				lines.stream().map(p -> new AtomFeeds.Entry(p.title(), p.path(),
						"urn:gongkai:meeting:" + p.meeting().id(), published(p), p.agency().name(),
						p.meeting().type().label() + "，" + p.startsAt() + (p.upcoming() ? " 召开" : " 已召开")
								+ (p.outcomePublished() ? "，已公开议定事项" + p.decidedCount() + "项" : "")))
					.toList());
	}

	private static Instant published(MeetingQueries.PublicLine p) {
		Meeting m = p.meeting();
		Instant at = m.publishedAt() == null ? m.startsAt() : m.publishedAt();
		return m.outcomePublishedAt() != null && m.outcomePublishedAt().isAfter(at) ? m.outcomePublishedAt() : at;
	}

	private Map<String, Object> summary(MeetingQueries.PublicLine p) {
		Map<String, Object> x = new HashMap<>();
		x.put("id", p.meeting().id());
		x.put("title", p.title());
		x.put("href", p.path());
		x.put("type", p.meeting().type().label());
		x.put("agency", p.agency().name());
		x.put("startsAt", p.startsAt());
		x.put("iso", p.meeting().startsAt().toString());
		x.put("place", p.meeting().place());
		x.put("live", p.live());
		x.put("applicationsOpen", p.applicationsOpen());
		x.put("seatsLeft", MeetingRules.seatsLeft(p.meeting()));
		x.put("decidedCount", p.decidedCount());
		x.put("outcomePublished", p.outcomePublished());
		return x;
	}
}
