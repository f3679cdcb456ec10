package org.gongkai.interaction;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
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
 * The public pages of the 互动交流 column — the column's home, the list of public messages with its filters and
 * paging, each message's page, an agency's column, the monthly statistics and the Atom feeds — from public
 * data only: {@link MessageQueries} gives public messages alone, masked, and never the sender.
 */
@Component
class InteractionPages {

	static final int PAGE_SIZE = 20;

	/** How much of a reply the list and the feed show. */
	static final int EXCERPT = 120;

	private final PageRenderer renderer;

	private final MessageQueries queries;

	private final InteractionStatistics statistics;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	private final SiteSettings site;

	private final java.time.Clock clock;

	InteractionPages(PageRenderer renderer, MessageQueries queries, InteractionStatistics statistics, AgencyDirectory agencies,
			AgencyColumns columns, SiteSettings site, java.time.Clock clock) {
		this.renderer = renderer;
		this.queries = queries;
		this.statistics = statistics;
		this.agencies = agencies;
		this.columns = columns;
		this.site = site;
		this.clock = clock;
	}

	/** Filters of the public list, from the query string; all optional. */
	record Filters(String agency, MessageType type, Long mailbox, int page) {

		String query(int toPage) {
			StringBuilder q = new StringBuilder();
			if (agency != null) {
				q.append("&agency=").append(java.net.URLEncoder.encode(agency, java.nio.charset.StandardCharsets.UTF_8));
			}
			if (type != null) {
				q.append("&type=").append(type.name());
			}
			if (mailbox != null) {
				q.append("&mailbox=").append(mailbox);
			}
			if (toPage > 1) {
				q.append("&page=").append(toPage);
			}
			return q.isEmpty() ? "" : "?" + q.substring(1);
		}
	}

	/** The column's home: what the column offers, where to write, the latest answers. */
	String home() {
		Map<String, Object> model = new HashMap<>();
		model.put("agencyOptions", agencies.active());
		model.put("mailboxes", mailboxLinks(null));
		model.put("latest", queries.publicPage(null, null, null, 1, 10).items().stream().map(this::summary).toList());
		model.put("latestMonth", latestPublishedMonth());
		paths(model);
		return renderer.render("interaction/portal-home", model);
	}

	/** The site-wide list, or an agency's column when {@code agency} is given (then the filter's agency is ignored). */
	Optional<String> list(Agency agency, Filters filters) {
		Agency scope = agency;
		if (scope == null && filters.agency() != null) {
			scope = agencies.findByCode(filters.agency()).filter(Agency::active).orElse(null);
			if (scope == null) {
				return Optional.empty();
			}
		}
		Mailbox box = null;
		if (filters.mailbox() != null) {
			box = queries.mailbox(filters.mailbox()).filter(Mailbox::active).orElse(null);
			if (box == null || (scope != null && box.agencyId() != scope.id())) {
				return Optional.empty();
			}
		}
		MessageQueries.PublicPage page = queries.publicPage(scope == null ? null : scope.id(), filters.type(), filters.mailbox(),
				filters.page(), PAGE_SIZE);
		if (filters.page() > 1 && filters.page() > page.pages()) {
			return Optional.empty();
		}
		String path = agency == null ? InteractionColumns.LIST : InteractionColumns.agencyPath(agency);
		Map<String, Object> model = new HashMap<>();
		model.put("agency", agency);
		if (agency != null) {
			model.put("columns", columns.of(agency.id()));
			model.put("mailboxes", mailboxLinks(agency.id()));
			model.put("writeHref", InteractionColumns.write(agency, null));
		}
		model.put("page", page);
		model.put("items", page.items().stream().map(this::summary).toList());
		model.put("filters", filters);
		model.put("filterAgency", scope);
		model.put("filterMailbox", box);
		model.put("types", MessageType.values());
		model.put("agencyOptions", agency == null ? agencies.active() : List.of());
		model.put("mailboxOptions", queries.activeMailboxes(agency == null ? null : agency.id()));
		model.put("listPath", path);
		model.put("feed", agency == null ? InteractionColumns.FEED : InteractionColumns.agencyFeed(agency));
		model.put("prev", page.page() > 1 ? path + filters.query(page.page() - 1) : null);
		model.put("next", page.page() < page.pages() ? path + filters.query(page.page() + 1) : null);
		paths(model);
		return Optional.of(renderer.render("interaction/portal-list", model));
	}

	/** One public message with every reply round; empty for anything not public. */
	Optional<String> item(long id) {
		return queries.publicMessage(id).map(m -> {
			Map<String, Object> model = new HashMap<>();
			model.put("m", m);
			model.put("contentLines", lines(m.content()));
			model.put("replies", m.replies().stream().map(r -> {
				Map<String, Object> x = new HashMap<>();
				x.put("round", r.round());
				x.put("agency", r.agency());
				x.put("repliedOn", r.repliedOn());
				x.put("lines", lines(r.content()));
				return x;
			}).toList());
			model.put("receiver", agencies.findByCode(m.agencyCode()).filter(Agency::active).orElse(null));
			paths(model);
			return renderer.render("interaction/portal-item", model);
		});
	}

	/** The published monthly table; empty for a month not yet finished. */
	Optional<String> statistics(YearMonth month) {
		if (month == null) {
			month = latestPublishedMonth();
		}
		if (!statistics.published(month)) {
			return Optional.empty();
		}
		InteractionStatistics.Table table = statistics.month(month);
		Map<String, Object> model = new HashMap<>();
		model.put("month", month.toString());
		model.put("monthLabel", month.getYear() + "年" + month.getMonthValue() + "月");
		model.put("table", table);
		List<Map<String, String>> months = new ArrayList<>();
		for (YearMonth ym : statistics.publishedMonths(month.getYear())) {
			months.add(Map.of("value", ym.toString(), "label", ym.getMonthValue() + "月", "current", Boolean.toString(ym.equals(month))));
		}
		model.put("months", months);
		model.put("year", month.getYear());
		YearMonth previousYear = YearMonth.of(month.getYear() - 1, 12);
		model.put("previousYear", InteractionColumns.STATISTICS + "?month=" + previousYear);
		YearMonth nextYear = YearMonth.of(month.getYear() + 1, 1);
		model.put("nextYear", statistics.published(nextYear) ? InteractionColumns.STATISTICS + "?month=" + nextYear : null);
		paths(model);
		return Optional.of(renderer.render("interaction/portal-statistics", model));
	}

	String feed(Agency agency) {
		MessageQueries.PublicPage page = queries.publicPage(agency == null ? null : agency.id(), null, null, 1, 50);
		String title = (agency == null ? site.name() : agency.name()) + " 互动交流 留言答复";
		return AtomFeeds.write(site.domain(), title, agency == null ? InteractionColumns.FEED : InteractionColumns.agencyFeed(agency),
				agency == null ? InteractionColumns.LIST : InteractionColumns.agencyPath(agency),
				agency == null ? site.host() : agency.name(), Instant.EPOCH,
				page.items().stream().map(m -> new AtomFeeds.Entry(m.title(), InteractionColumns.item(m.id()),
						"urn:gongkai:message:" + m.id(), published(m), m.replyingAgency(), excerpt(m.reply()))).toList());
	}

	YearMonth latestPublishedMonth() {
		return YearMonth.now(clock.withZone(Zones.CHINA)).minusMonths(1);
	}

	// ---- helpers --------------------------------------------------------------------------------------

	private Map<String, Object> summary(MessageQueries.PublicMessage m) {
		Map<String, Object> x = new HashMap<>();
		x.put("id", m.id());
		x.put("title", m.title());
		x.put("href", InteractionColumns.item(m.id()));
		x.put("type", m.type().label());
		x.put("mailbox", m.mailbox());
		x.put("receiver", m.agencyName());
		x.put("acceptedOn", m.acceptedOn());
		x.put("repliedOn", m.repliedOn());
		x.put("replyingAgency", m.replyingAgency());
		x.put("reply", excerpt(m.reply()));
		x.put("reopened", m.reopened());
		return x;
	}

	private List<Map<String, Object>> mailboxLinks(Long agencyId) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Mailbox b : queries.activeMailboxes(agencyId)) {
			agencies.findById(b.agencyId()).filter(Agency::active).ifPresent(a -> {
				Map<String, Object> x = new HashMap<>();
				x.put("name", b.name());
				x.put("holder", b.holder());
				x.put("holderTitle", b.holderTitle());
				x.put("description", b.description());
				x.put("agency", a.name());
				x.put("writeHref", InteractionColumns.write(a, b));
				x.put("listHref", InteractionColumns.LIST + "?agency=" + a.code() + "&mailbox=" + b.id());
				out.add(x);
			});
		}
		return out;
	}

	private static void paths(Map<String, Object> model) {
		model.put("homePath", InteractionColumns.HOME);
		model.put("listPath0", InteractionColumns.LIST);
		model.put("writePath", InteractionColumns.WRITE);
		model.put("trackPath", InteractionColumns.TRACK);
		model.put("statisticsPath", InteractionColumns.STATISTICS);
		model.put("motionsPath", InteractionColumns.MOTIONS);
		model.put("concernsPath", InteractionColumns.CONCERNS);
		model.put("feedPath", InteractionColumns.FEED);
	}

	private static Instant published(MessageQueries.PublicMessage m) {
		return m.repliedOn().atStartOfDay(Zones.CHINA).toInstant();
	}

	static String excerpt(String text) {
		if (text == null) {
			return null;
		}
		String flat = text.replaceAll("\\s+", " ").strip();
		return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
	}

	static List<String> lines(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
	}
}
