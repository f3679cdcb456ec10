package org.gongkai.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
			Map<String, List<String>> kept = new HashMap<>();
			kept.put("type", type == null ? List.of() : type);
			kept.put("agency", agency == null ? List.of() : agency);
			kept.put("theme", theme == null ? List.of() : theme);
			kept.put("year", year == null ? List.of() : year);
			kept.put("sort", sort == null ? List.of() : List.of(sort));
			return ResponseEntity.badRequest().contentType(HTML).body(pages.invalid(q, e.problems(), kept));
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
