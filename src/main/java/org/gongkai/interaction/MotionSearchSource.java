package org.gongkai.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.PersonalDataScanner;
import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published replies to suggestions and proposals (建议提案) for the site search, read through
 * {@link MotionQueries#publicMotion} and shown as the reply's public page shows them: the masked title and proposers,
 * the number, the lead and co-handling units and the published (masked) text; never the proposers' contact details.
 */
@Component
@Transactional(readOnly = true)
class MotionSearchSource implements SearchSource {

	static final String KIND = "motion";

	private final MotionQueries queries;

	private final AgencyDirectory agencies;

	MotionSearchSource(MotionQueries queries, AgencyDirectory agencies) {
		this.queries = queries;
		this.agencies = agencies;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "建议提案";
	}

	@Override
	public int order() {
		return 55;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicMotion(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (long id : queries.publicIds()) {
			publicEntry(id).ifPresent(sink);
		}
	}

	private SearchEntry entry(Motion m) {
		String number = m.year() + "年" + m.numberLabel();
		String title = number + "办理复文：" + PersonalDataScanner.mask(m.title());
		List<String> parts = new ArrayList<>();
		parts.add(m.kind().label() + " " + (m.sessionLabel() == null ? "" : m.sessionLabel()));
		parts.add(PersonalDataScanner.mask(m.proposers()));
		parts.add(agencyName(m.leadUnit()));
		queries.coUnits(m.id()).forEach(u -> parts.add(agencyName(u.agencyId())));
		parts.add(m.publishedText());
		return new SearchEntry(KIND, m.id(), m.leadUnit(), MotionPaths.item(m.id()), title, SearchEntry.lines(parts), null,
				m.publishedOn(), null, number + " 第" + m.number() + "号", false);
	}

	private String agencyName(long id) {
		return agencies.findById(id).map(Agency::name).orElse(null);
	}
}
