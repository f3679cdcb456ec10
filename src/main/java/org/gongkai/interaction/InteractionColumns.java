package org.gongkai.interaction;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumn;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.SitemapContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every agency's 互动交流 column in its column navigation, and the public addresses of the interaction pages
 * for the sitemap: the column pages and every public message. The pages are rendered on request (public
 * messages change with each reply, and the forms carry a CSRF token); when a message appears on or leaves
 * the public list, the shared pages (the sitemap) are told.
 */
@Component
@org.springframework.core.annotation.Order(30)
class InteractionColumns implements AgencyColumns.Contributor, SitemapContributor {

	/** The column code: {@code /agencies/{code}/interaction/}. */
	static final String COLUMN = "interaction";

	static final String HOME = "/interaction/";

	static final String LIST = "/interaction/messages/";

	static final String FEED = "/interaction/messages/feed.atom";

	static final String WRITE = "/interaction/write";

	static final String TRACK = "/interaction/track";

	static final String STATISTICS = "/interaction/statistics";

	static final String MOTIONS = "/interaction/motions/";

	static final String CONCERNS = "/concerns/";

	private final AgencyDirectory agencies;

	private final MessageQueries queries;

	private final ApplicationEventPublisher events;

	InteractionColumns(AgencyDirectory agencies, MessageQueries queries, ApplicationEventPublisher events) {
		this.agencies = agencies;
		this.queries = queries;
		this.events = events;
	}

	static String agencyPath(Agency agency) {
		return "/agencies/" + agency.code() + "/" + COLUMN + "/";
	}

	static String agencyFeed(Agency agency) {
		return agencyPath(agency) + "feed.atom";
	}

	static String item(long id) {
		return LIST + id + "/";
	}

	static String write(Agency agency, Mailbox mailbox) {
		return WRITE + "?agency=" + agency.code() + (mailbox == null ? "" : "&mailbox=" + mailbox.id());
	}

	@Override
	public List<AgencyColumn> columns(long agencyId) {
		return List.of(new AgencyColumn(COLUMN, "互动交流", "网上留言、领导信箱、留言答复公开和办理进度查询"));
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(HOME);
		paths.add(LIST);
		paths.add(TRACK);
		paths.add(STATISTICS);
		for (Agency a : agencies.active()) {
			paths.add(agencyPath(a));
		}
		for (long[] m : queries.publicIds()) {
			paths.add(item(m[0]));
		}
		return paths;
	}

	/** A message appeared on or left the public list: the sitemap must follow. */
	@ApplicationModuleListener
	void on(PublicMessageChanged event) {
		events.publishEvent(new PublicPagesChanged(event.agencyId()));
	}
}
