package org.gongkai.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gongkai.platform.SearchEntry;
import org.gongkai.platform.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public messages (留言答复) for the site search: only replied messages that are public, read through
 * {@link MessageQueries#publicMessage}, the same masked view the message's public page shows (title, text and every
 * reply round with personal data masked, never the sender).
 */
@Component
@Transactional(readOnly = true)
class MessageSearchSource implements SearchSource {

	static final String KIND = "message";

	private final MessageQueries queries;

	private final Messages messages;

	MessageSearchSource(MessageQueries queries, Messages messages) {
		this.queries = queries;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String label() {
		return "留言答复";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public Optional<SearchEntry> publicEntry(long id) {
		return queries.publicMessage(id).map(this::entry);
	}

	@Override
	public void forEachPublic(Consumer<SearchEntry> sink) {
		for (long[] m : queries.publicIds()) {
			publicEntry(m[0]).ifPresent(sink);
		}
	}

	private SearchEntry entry(MessageQueries.PublicMessage m) {
		List<String> parts = new ArrayList<>();
		parts.add(m.type().label());
		parts.add(m.mailbox() != null ? m.agencyName() + " " + m.mailbox() : m.agencyName());
		parts.add(m.content());
		for (MessageQueries.PublicReply r : m.replies()) {
			parts.add(r.agency());
			parts.add(r.content());
		}
		// the agency that answered (the handling agency), as in the sitemap's ids
		Long agencyId = messages.find(m.id()).map(Message::handlingAgencyId).orElse(null);
		return new SearchEntry(KIND, m.id(), agencyId, InteractionColumns.item(m.id()), m.title(), SearchEntry.lines(parts), null,
				m.repliedOn(), null, null, false);
	}

}
