package org.gongkai.participation;

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
 * Public polls (民意调查) for the site search, read through {@link PollQueries#publicPoll}, the view the poll's public
 * page shows: the masked title, description, questions and options. No answer is ever read here, so a free-text
 * answer can never reach the index; the results (counts that change with each answer) are left out.
 */
@Component
@Transactional(readOnly = true)
class PollSearchSource implements SearchSource {

	static final String KIND = "poll";

	private final PollQueries queries;

	PollSearchSource(PollQueries queries) {
		this.queries = queries;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "民意调查";
	}

	@Override
	public int order() {
		return 45;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicPoll(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (PollQueries.PollSummary s : queries.publicList(null, null)) {
			publicEntry(s.poll().id()).ifPresent(sink);
		}
	}

	private SearchEntry entry(PollQueries.PollView v) {
		Poll p = v.poll();
		List<String> parts = new ArrayList<>();
		// no state (进行中, 已结束): it changes with the calendar, without an event to refresh the entry
		parts.add(v.agency().name());
		parts.add("调查时间：" + p.opensOn() + " 至 " + p.closesOn());
		parts.add(p.description());
		for (PollQuestion q : v.questions()) {
			parts.add(q.prompt());
			for (PollOption o : q.options()) {
				parts.add(o.label());
			}
		}
		LocalDate date = p.publishedAt() != null ? LocalDate.ofInstant(p.publishedAt(), Zones.CHINA) : p.opensOn();
		return new SearchEntry(KIND, p.id(), p.agencyId(), v.path(), p.title(), SearchEntry.lines(parts), null, date,
				null, null, false);
	}
}
