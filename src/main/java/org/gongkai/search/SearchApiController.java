package org.gongkai.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.platform.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /api/v1/public/search} (api-contract.md, Search) and the rebuild of the index (system administrators). */
@RestController
@Tag(name = "Search", description = "站内搜索：只检索公开信息；索引重建")
class SearchApiController {

	private final SearchService search;

	private final SearchRebuild rebuild;

	SearchApiController(SearchService search, SearchRebuild rebuild) {
		this.search = search;
		this.rebuild = rebuild;
	}

	@GetMapping("/api/v1/public/search")
	@Operation(summary = "检索公开信息", description = """
			Only public content is ever indexed or returned. Answer:
			`{"total","hits":[{"type","id","title","url","snippet","titleHtml","typeLabel","agency","agencyName","date",
			"outOfForce"}],"facets":{"type":{value:count},"agency":{code:count},"year":{year:count},"theme":{theme:count}},
			"facetLabels":{"type":{value:label},"agency":{code:name}},"didYouMean","bestBets":[{"title","url","description"}],
			"page","size","pages"}`.
			`title` is plain text. `snippet` and `titleHtml` are HTML-escaped text in which only the matched words are
			wrapped in `<mark>` (safe to insert as HTML). Facet values are ordered by count (years newest first) and
			counted drill-sideways: each dimension under the query and the other dimensions' filters.
			`type`, `agency`, `theme` and `year` are repeatable (values of one parameter are alternatives; parameters
			combine). A query in quotation marks ("…" or “…”) matches that phrase exactly. `didYouMean` is null unless
			few or no results were found. 400 problem JSON for: `q` over 100 characters, an unknown `type` or
			`agency` (agency code), a `year` that is not a year, `sort` other than `relevance` or `date`, `page` < 1,
			`size` outside 1..100, or a page beyond the first 10,000 results.""")
	Map<String, Object> search(@RequestParam(required = false) String q,
			@Parameter(description = "信息类别（可重复），如 document") @RequestParam(required = false) List<String> type,
			@Parameter(description = "单位代码（可重复）") @RequestParam(required = false) List<String> agency,
			@Parameter(description = "主题分类（可重复）") @RequestParam(required = false) List<String> theme,
			@Parameter(description = "年份（可重复）") @RequestParam(required = false) List<String> year,
			@Parameter(description = "relevance（默认）或 date") @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		SearchRequest request = search.parse(q, type, agency, theme, year, sort, page, size, true);
		SearchService.Answer answer = search.search(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total", answer.total());
		List<Map<String, Object>> hits = new ArrayList<>();
		for (SearchService.Hit h : answer.hits()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("type", h.hit().kind());
			m.put("id", h.hit().id());
			m.put("title", h.title());
			m.put("url", h.hit().url());
			m.put("snippet", h.hit().snippetHtml());
			m.put("titleHtml", h.hit().titleHtml());
			m.put("typeLabel", h.kindLabel());
			m.put("agency", h.agencyCode());
			m.put("agencyName", h.agencyName());
			m.put("date", h.hit().date() == null ? null : h.hit().date().toString());
			m.put("theme", h.hit().theme());
			m.put("outOfForce", h.hit().outOfForce());
			hits.add(m);
		}
		body.put("hits", hits);
		Map<String, Object> facets = new LinkedHashMap<>();
		Map<String, Object> labels = new LinkedHashMap<>();
		for (Facet f : Facet.values()) {
			Map<String, Long> counts = new LinkedHashMap<>();
			Map<String, String> names = new LinkedHashMap<>();
			for (SearchService.FacetValue v : answer.facets().getOrDefault(f, List.of())) {
				counts.put(v.value(), v.count());
				names.put(v.value(), v.label());
			}
			facets.put(f.param(), counts);
			if (f == Facet.TYPE || f == Facet.AGENCY) {
				labels.put(f.param(), names);
			}
		}
		body.put("facets", facets);
		body.put("facetLabels", labels);
		body.put("didYouMean", answer.didYouMean());
		body.put("bestBets", answer.bestBets()
			.stream()
			.map(b -> Map.of("title", b.title(), "url", b.url(), "description", b.description()))
			.toList());
		body.put("page", request.page());
		body.put("size", request.size());
		body.put("pages", answer.pages());
		return body;
	}

	@PostMapping("/api/v1/search/rebuild")
	@Operation(summary = "重建搜索索引（系统管理员）", description = "Starts a rebuild in the background unless one is running; "
			+ "search stays online and serves the old index until the new one is complete. 202 with the status.")
	ResponseEntity<Map<String, Object>> startRebuild() {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(rebuild.start(Actors.require())));
	}

	@GetMapping("/api/v1/search/rebuild")
	@Operation(summary = "搜索索引重建状态（系统管理员）")
	Map<String, Object> rebuildStatus() {
		if (!Actors.require().isSystemAdmin()) {
			throw org.gongkai.platform.DomainException.forbidden("只有系统管理员可以查看索引重建状态");
		}
		return status(rebuild.status());
	}

	static Map<String, Object> status(SearchRebuild.Status s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("running", s.running());
		m.put("processed", s.processed());
		m.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
		m.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
		m.put("startedBy", s.startedBy());
		m.put("lastError", s.lastError());
		m.put("indexSize", s.indexSize());
		return m;
	}
}
