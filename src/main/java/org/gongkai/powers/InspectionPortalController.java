package org.gongkai.powers;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public random-inspection pages, rendered per request from public data only, with no session. */
@Controller
class InspectionPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final InspectionPages pages;

	InspectionPortalController(InspectionPages pages) {
		this.pages = pages;
	}

	@GetMapping({ "/inspections/", "/inspections" })
	ResponseEntity<String> site(@RequestParam(required = false) String page) {
		return html(pages.list(null, page(page)));
	}

	@GetMapping("/inspections/feed.atom")
	ResponseEntity<String> siteFeed() {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(null));
	}

	@GetMapping({ "/inspections/algorithm", "/inspections/algorithm/" })
	ResponseEntity<String> algorithm() {
		return html(pages.algorithm());
	}

	@GetMapping({ "/agencies/{code}/inspections/", "/agencies/{code}/inspections" })
	ResponseEntity<String> column(@PathVariable String code, @RequestParam(required = false) String page) {
		return html(pages.list(agency(code), page(page)));
	}

	@GetMapping("/agencies/{code}/inspections/feed.atom")
	ResponseEntity<String> feed(@PathVariable String code) {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(agency(code)));
	}

	@GetMapping({ "/agencies/{code}/inspections/plans/{id}/", "/agencies/{code}/inspections/plans/{id}" })
	ResponseEntity<String> plan(@PathVariable String code, @PathVariable String id) {
		return html(pages.plan(agency(code), number(id)).orElseThrow(InspectionPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/inspections/draws/{id}/", "/agencies/{code}/inspections/draws/{id}" })
	ResponseEntity<String> draw(@PathVariable String code, @PathVariable String id) {
		return html(pages.draw(agency(code), number(id)).orElseThrow(InspectionPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/inspections/draws/{id}/verify", "/agencies/{code}/inspections/draws/{id}/verify/" })
	ResponseEntity<String> verify(@PathVariable String code, @PathVariable String id) {
		return html(pages.verify(agency(code), number(id)).orElseThrow(InspectionPortalController::notFound));
	}

	private Agency agency(String code) {
		return pages.activeAgency(code).orElseThrow(InspectionPortalController::notFound);
	}

	/** The page of a list: 1 when absent or not a number. */
	private static int page(String text) {
		try {
			return text == null ? 1 : Math.max(1, Integer.parseInt(text.trim()));
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}

	private static long number(String text) {
		try {
			return Long.parseLong(text.trim());
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
