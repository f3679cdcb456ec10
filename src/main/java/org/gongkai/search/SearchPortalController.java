package org.gongkai.search;

import java.util.List;

import org.gongkai.platform.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /search} and {@code GET /search/feed.atom}: public, rendered without a session. Repeatable filters
 * ({@code type}, {@code agency}, {@code theme}, {@code year}), {@code sort=relevance|date} and {@code page}. Bad input is
 * the page again with a Chinese message (400); an unknown type or agency in an old link is left out.
 */
@Controller
class SearchPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final SearchService search;

	private final SearchPages pages;

	SearchPortalController(SearchService search, SearchPages pages) {
		this.search = search;
		this.pages = pages;
	}

	@GetMapping({ "/search", "/search/" })
	ResponseEntity<String> page(@RequestParam(required = false) String q,
			@RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> agency,
			@RequestParam(required = false) List<String> theme, @RequestParam(required = false) List<String> year,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		SearchRequest request;
		try {
			request = search.parse(q, type, agency, theme, year, sort, page, size, false);
			return ResponseEntity.ok().contentType(HTML).body(pages.page(request));
		}
		catch (InvalidInputException e) {
			return ResponseEntity.badRequest().contentType(HTML).body(pages.invalid(q, e.problems()));
		}
	}

	@GetMapping("/search/feed.atom")
	ResponseEntity<String> feed(@RequestParam(required = false) String q,
			@RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> agency,
			@RequestParam(required = false) List<String> theme, @RequestParam(required = false) List<String> year,
			@RequestParam(required = false) String sort) {
		SearchRequest request = search.parse(q, type, agency, theme, year, sort, null, null, false);
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(request));
	}
}
