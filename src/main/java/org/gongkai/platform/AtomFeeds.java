package org.gongkai.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/** Atom 1.0 feeds of public lists (ROME), with absolute links on the site's domain. */
public final class AtomFeeds {

	private AtomFeeds() {
	}

	/** One entry: {@code path} is the public page, {@code id} a stable URN, {@code summary} plain text or null. */
	public record Entry(String title, String path, String id, Instant published, String author, String summary) {
	}

	public static String write(String domain, String title, String selfPath, String alternatePath, String author,
			Instant whenEmpty, List<Entry> items) {
		String base = "https://" + domain;
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType("atom_1.0");
		feed.setTitle(title);
		feed.setUri(base + selfPath);
		feed.setLink(base + alternatePath);
		SyndLinkImpl self = new SyndLinkImpl();
		self.setRel("self");
		self.setHref(base + selfPath);
		SyndLinkImpl alternate = new SyndLinkImpl();
		alternate.setRel("alternate");
		alternate.setHref(base + alternatePath);
		feed.setLinks(List.of(self, alternate));
		feed.setAuthor(author);
		feed.setLanguage("zh-CN");
		feed.setPublishedDate(Date.from(items.isEmpty() ? whenEmpty : items.get(0).published()));
		List<SyndEntry> entries = new ArrayList<>();
		for (Entry item : items) {
			SyndEntry e = new SyndEntryImpl();
			e.setTitle(item.title());
			e.setLink(base + item.path());
			e.setUri(item.id());
			Date date = Date.from(item.published());
			e.setPublishedDate(date);
			e.setUpdatedDate(date);
			e.setAuthor(item.author());
			if (item.summary() != null) {
				SyndContentImpl summary = new SyndContentImpl();
				summary.setType("text");
				summary.setValue(item.summary());
				e.setDescription(summary);
			}
			entries.add(e);
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException e) {
			throw new IllegalStateException("cannot write feed", e);
		}
	}
}
