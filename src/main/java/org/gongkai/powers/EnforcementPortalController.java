package org.gongkai.powers;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Texts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages of enforcement publicity, rendered per request from public data only; no form, no session. */
@Controller
class EnforcementPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final EnforcementPages pages;

	private final AgencyDirectory agencies;

	EnforcementPortalController(EnforcementPages pages, AgencyDirectory agencies) {
		this.pages = pages;
		this.agencies = agencies;
	}

	@GetMapping({ "/agencies/{code}/enforcement/", "/agencies/{code}/enforcement" })
	ResponseEntity<String> column(@PathVariable String code, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String year, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") String page) {
		return html(pages.column(agency(code), filters(kind, year, q, null, page)).orElseThrow(EnforcementPortalController::notFound));
	}

	@GetMapping("/agencies/{code}/enforcement/feed.atom")
	ResponseEntity<String> feed(@PathVariable String code) {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(agency(code)));
	}

	@GetMapping({ "/agencies/{code}/enforcement/decisions/{id}/", "/agencies/{code}/enforcement/decisions/{id}" })
	ResponseEntity<String> item(@PathVariable String code, @PathVariable String id) {
		return html(pages.item(agency(code), number(id)).orElseThrow(EnforcementPortalController::notFound));
	}

	@GetMapping({ "/enforcement/", "/enforcement" })
	ResponseEntity<String> siteList(@RequestParam(required = false) String agency, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String year, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") String page) {
		return html(pages.siteList(filters(kind, year, q, Texts.trimToNull(agency), page))
			.orElseThrow(EnforcementPortalController::notFound));
	}

	@GetMapping("/enforcement/feed.atom")
	ResponseEntity<String> siteFeed() {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(null));
	}

	private Agency agency(String code) {
		return agencies.findByCode(code).filter(Agency::active).orElseThrow(EnforcementPortalController::notFound);
	}

	private static EnforcementPages.Filters filters(String kind, String year, String q, String agency, String page) {
		DecisionKind k = null;
		if (Texts.trimToNull(kind) != null) {
			try {
				k = DecisionKind.valueOf(kind.trim());
			}
			catch (IllegalArgumentException e) {
				throw notFound();
			}
		}
		Integer y = null;
		if (Texts.trimToNull(year) != null) {
			y = number(year);
			if (y < 2000 || y > 2100) {
				throw notFound();
			}
		}
		String query = Texts.trimToNull(q);
		if (query != null && query.length() > 100) {
			query = query.substring(0, 100);
		}
		return new EnforcementPages.Filters(k, y, query, agency, Math.max(number(page), 1));
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text.trim());
		}
		catch (NumberFormatException e) {
			throw notFound();
		}
	}

	private static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}
}
