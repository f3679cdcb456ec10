package org.gongkai.interaction;

import org.gongkai.platform.DomainException;
import org.gongkai.platform.Texts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages of suggestion and proposal handling, rendered per request from public data only. */
@Controller
class MotionPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final MotionPages pages;

	MotionPortalController(MotionPages pages) {
		this.pages = pages;
	}

	@GetMapping({ "/interaction/motions/", "/interaction/motions" })
	ResponseEntity<String> list(@RequestParam(required = false) String year, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String agency, @RequestParam(defaultValue = "1") String page) {
		MotionPages.Filters filters = new MotionPages.Filters(year(year), kind(kind), Texts.trimToNull(agency),
				Math.max(number(page), 1));
		return html(pages.listPage(filters).orElseThrow(MotionPortalController::notFound));
	}

	@GetMapping("/interaction/motions/feed.atom")
	ResponseEntity<String> feed() {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed());
	}

	@GetMapping({ "/interaction/motions/statistics", "/interaction/motions/statistics/" })
	ResponseEntity<String> statistics(@RequestParam(required = false) String year) {
		return html(pages.statisticsPage(year(year)));
	}

	@GetMapping({ "/interaction/motions/{id}/", "/interaction/motions/{id}" })
	ResponseEntity<String> item(@PathVariable String id) {
		return html(pages.itemPage(number(id)).orElseThrow(MotionPortalController::notFound));
	}

	private static Integer year(String text) {
		if (Texts.trimToNull(text) == null) {
			return null;
		}
		int y = number(text);
		if (y < 2000 || y > 2100) {
			throw notFound();
		}
		return y;
	}

	private static MotionKind kind(String text) {
		if (Texts.trimToNull(text) == null) {
			return null;
		}
		try {
			return MotionKind.valueOf(text.trim());
		}
		catch (IllegalArgumentException e) {
			throw notFound();
		}
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
