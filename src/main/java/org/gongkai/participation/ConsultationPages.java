package org.gongkai.participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AtomFeeds;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.SiteSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public consultation pages from public data only: the list (open first, filters by agency and state, pages of
 * {@link #PER_PAGE}), the Atom feed, and each consultation's page. A consultation's page carries the comment form
 * while the consultation is open and is then rendered as a view with a CSRF token by the controller; otherwise it is
 * rendered here without a session. Comment text shown in public is masked and never carries the commenter.
 */
@Component
@Transactional(readOnly = true)
class ConsultationPages {

	static final int PER_PAGE = 20;

	static final String FEED = ConsultationKind.LIST + "feed.atom";

	private final ConsultationQueries queries;

	private final AgencyDirectory agencies;

	private final ParticipationLinks links;

	private final PageRenderer renderer;

	private final SiteSettings site;

	ConsultationPages(ConsultationQueries queries, AgencyDirectory agencies, ParticipationLinks links, PageRenderer renderer,
			SiteSettings site) {
		this.queries = queries;
		this.agencies = agencies;
		this.links = links;
		this.renderer = renderer;
		this.site = site;
	}

	/** A public state by its name in a URL or the API; null when it is not one. */
	static ConsultationStatus publicStatus(String value) {
		try {
			ConsultationStatus s = ConsultationStatus.valueOf(value);
			return s.isPublic() ? s : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** One comment as the public reads it: masked, without the commenter. */
	record PublicComment(String article, String content) {
	}

	/** One answered group as the public reads it; {@code comments} is null when the comments are not shown. */
	record PublicGroup(String topic, AdoptionFeedbackOutcome outcome, String reason, int count, List<String> comments) {
	}

	/** Everything a consultation's public page shows. */
	record View(Consultation consultation, Agency agency, ConsultationStatus status, String countdown, long periodDays,
			List<ConsultationArticle> articles, String preamble, ParticipationLink decision, List<PublicComment> comments,
			ConsultationTally tally, List<PublicGroup> groups) {
	}

	View view(Consultation c) {
		LocalDate today = queries.today();
		ConsultationStatus status = ConsultationRules.status(c, today);
		Agency agency = agencies.findById(c.agencyId()).orElseThrow();
		ParticipationLink decision = c.decisionId() == null ? null : links.findPublic("decision", c.decisionId()).orElse(null);
		List<ConsultationArticle> articles = c.articles();
		List<PublicComment> comments = null;
		if (c.commentsPublic()) {
			comments = queries.publicComments(c)
				.stream()
				.map(x -> new PublicComment(heading(articles, x.article()), PersonalDataScanner.mask(x.content())))
				.toList();
		}
		ConsultationTally tally = null;
		List<PublicGroup> groups = List.of();
		if (status == ConsultationStatus.FEEDBACK_PUBLISHED) {
			tally = queries.tally(c.id());
			List<Comment> all = queries.comments(c.id());
			List<PublicGroup> out = new ArrayList<>();
			for (AdoptionFeedback f : queries.feedbacks(c.id())) {
				List<Comment> members = all.stream()
					.filter(x -> x.status() == CommentStatus.ACCEPTED && f.id() == (x.feedbackId() == null ? -1 : x.feedbackId()))
					.toList();
				if (members.isEmpty()) {
					continue;
				}
				out.add(new PublicGroup(PersonalDataScanner.mask(f.topic()), f.outcome(), PersonalDataScanner.mask(f.reason()),
						members.size(), c.commentsPublic() ? members.stream()
							.map(x -> (x.article() == null ? "" : "【" + heading(articles, x.article()) + "】")
									+ PersonalDataScanner.mask(x.content()))
							.toList() : null));
			}
			groups = out;
		}
		String countdown = status == ConsultationStatus.OPEN ? ConsultationRules.countdown(c.closesOn(), today) : null;
		return new View(c, agency, status, countdown, ConsultationRules.periodDays(c.opensOn(), c.closesOn()), articles,
				c.preamble(), decision, comments, tally, groups);
	}

	static String heading(List<ConsultationArticle> articles, Integer article) {
		if (article == null) {
			return "全文";
		}
		return articles.stream().filter(a -> a.number() == article).map(ConsultationArticle::heading).findFirst().orElse("全文");
	}

	/** The model of a consultation's page, shared by the rendered page and the view with the form. */
	Map<String, Object> itemModel(Consultation c) {
		View v = view(c);
		Map<String, Object> model = new HashMap<>();
		model.put("v", v);
		model.put("c", c);
		model.put("agency", v.agency());
		model.put("open", v.status() == ConsultationStatus.OPEN);
		model.put("listPath", ConsultationKind.LIST);
		model.put("agencyListPath", ConsultationKind.LIST + "?agency=" + v.agency().code());
		model.put("action", ConsultationKind.path(c.id()) + "comments");
		model.put("outcomes", AdoptionFeedbackOutcome.values());
		model.put("attachments", queries.attachments(c.id())
			.stream()
			.map(a -> Map.of("name", a.fileName(), "path", ConsultationKind.path(c.id()) + "attachments/" + a.id(), "size",
					a.sizeBytes() < 1024 * 1024 ? Math.max(1, a.sizeBytes() / 1024) + " KB" : String.format("%.1f MB", a.sizeBytes() / 1048576.0)))
			.toList());
		return model;
	}

	/** The page of a consultation that is not open (no form): rendered without a session. */
	String item(Consultation c) {
		Map<String, Object> model = itemModel(c);
		model.put("open", false);
		return renderer.render("participation/consultation-item", model);
	}

	/** The filters of the list, as read from the URL. */
	record Filters(Agency agency, ConsultationStatus status, int page) {
	}

	/** The list page; empty when the page number lies past the end. */
	Optional<String> list(Filters f) {
		Long agencyId = f.agency() == null ? null : f.agency().id();
		long total = queries.publicCount(agencyId, f.status(), false);
		int pages = (int) Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
		if (f.page() > pages) {
			return Optional.empty();
		}
		LocalDate today = queries.today();
		List<Consultation> rows = queries.publicPage(agencyId, f.status(), false, (long) (f.page() - 1) * PER_PAGE, PER_PAGE);
		Map<Long, ConsultationTally> tallies = queries.tallies(rows.stream()
			.filter(c -> ConsultationRules.status(c, today) == ConsultationStatus.FEEDBACK_PUBLISHED)
			.map(Consultation::id)
			.toList());
		Map<Long, String> agencyNames = new HashMap<>();
		List<Map<String, Object>> items = new ArrayList<>();
		for (Consultation c : rows) {
			ConsultationStatus s = ConsultationRules.status(c, today);
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("title", c.title());
			x.put("path", ConsultationKind.path(c.id()));
			x.put("agency", agencyNames.computeIfAbsent(c.agencyId(), k -> agencies.findById(k).map(Agency::name).orElse("")));
			x.put("status", s);
			x.put("opensOn", c.opensOn());
			x.put("closesOn", c.effectiveClosesOn());
			x.put("countdown", s == ConsultationStatus.OPEN ? ConsultationRules.countdown(c.closesOn(), today) : null);
			x.put("summary", s == ConsultationStatus.FEEDBACK_PUBLISHED ? tallies.get(c.id()).oneLiner() : null);
			items.add(x);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("items", items);
		model.put("agency", f.agency());
		model.put("status", f.status());
		model.put("page", f.page());
		model.put("pages", pages);
		model.put("total", total);
		model.put("agencyOptions", agencies.active());
		model.put("statuses", List.of(ConsultationStatus.OPEN, ConsultationStatus.NOT_STARTED, ConsultationStatus.CLOSED,
				ConsultationStatus.FEEDBACK_PUBLISHED));
		model.put("listPath", ConsultationKind.LIST);
		model.put("feedPath", f.agency() == null ? FEED : FEED + "?agency=" + f.agency().code());
		model.put("previous", f.page() > 1 ? pageLink(f, f.page() - 1) : null);
		model.put("next", f.page() < pages ? pageLink(f, f.page() + 1) : null);
		return Optional.of(renderer.render("participation/consultation-list", model));
	}

	private static String pageLink(Filters f, int page) {
		StringBuilder q = new StringBuilder(ConsultationKind.LIST).append("?page=").append(page);
		if (f.agency() != null) {
			q.append("&agency=").append(f.agency().code());
		}
		if (f.status() != null) {
			q.append("&status=").append(f.status().name());
		}
		return q.toString();
	}

	/** The Atom feed of public consultations, the latest published first. */
	String feed(Agency agency) {
		List<Consultation> all = new ArrayList<>(queries.publicList(agency == null ? null : agency.id(), null));
		Map<Long, String> agencyNames = new HashMap<>();
		all.sort(Comparator.comparing((Consultation c) -> c.publishedAt() == null ? Instant.EPOCH : c.publishedAt()).reversed());
		String title = (agency == null ? site.name() : agency.name()) + " 意见征集";
		return AtomFeeds.write(site.domain(), title, agency == null ? FEED : FEED + "?agency=" + agency.code(),
				agency == null ? ConsultationKind.LIST : ConsultationKind.LIST + "?agency=" + agency.code(),
				agency == null ? site.host() : agency.name(), Instant.EPOCH,
				all.stream().limit(50).map(c -> new AtomFeeds.Entry(c.title(), ConsultationKind.path(c.id()),
						"urn:gongkai:consultation:" + c.id(), c.feedbackPublishedAt() != null ? c.feedbackPublishedAt() : c.publishedAt(),
						agencyNames.computeIfAbsent(c.agencyId(), k -> agencies.findById(k).map(Agency::name).orElse(null)),
						"征集时间：" + c.opensOn() + " 至 " + c.effectiveClosesOn() + "（" + queries.status(c).label() + "）")).toList());
	}
}
