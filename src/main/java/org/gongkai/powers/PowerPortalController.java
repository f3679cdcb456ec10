package org.gongkai.powers;

import org.gongkai.organisation.Agency;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.Texts;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages of the power list and the service lists, rendered per request; no session on these GETs. */
@Controller
class PowerPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final PowerPages pages;

	PowerPortalController(PowerPages pages) {
		this.pages = pages;
	}

	@GetMapping({ "/agencies/{code}/powers/", "/agencies/{code}/powers" })
	ResponseEntity<String> list(@PathVariable String code, @RequestParam(required = false) String type,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page) {
		String query = Texts.trimToNull(q);
		if (query != null && query.length() > 100) {
			query = query.substring(0, 100);
		}
		PowerPages.Filters filters = new PowerPages.Filters(Texts.trimToNull(type), query, Math.max(number(page), 1));
		return html(pages.list(agency(code), filters).orElseThrow(PowerPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/powers/changes/", "/agencies/{code}/powers/changes" })
	ResponseEntity<String> changes(@PathVariable String code, @RequestParam(defaultValue = "1") String page) {
		return html(pages.changes(agency(code), Math.max(number(page), 1)).orElseThrow(PowerPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/powers/{id}/", "/agencies/{code}/powers/{id}" })
	ResponseEntity<String> item(@PathVariable String code, @PathVariable String id) {
		return html(pages.item(agency(code), number(id)).orElseThrow(PowerPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/powers/{id}/comparison/", "/agencies/{code}/powers/{id}/comparison" })
	ResponseEntity<String> comparison(@PathVariable String code, @PathVariable String id) {
		return html(pages.comparison(agency(code), number(id)).orElseThrow(PowerPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/services/", "/agencies/{code}/services" })
	ResponseEntity<String> services(@PathVariable String code) {
		return html(pages.services(agency(code)));
	}

	@GetMapping({ "/agencies/{code}/services/{id}/", "/agencies/{code}/services/{id}" })
	ResponseEntity<String> service(@PathVariable String code, @PathVariable String id) {
		return html(pages.service(agency(code), number(id)).orElseThrow(PowerPortalController::notFound));
	}

	private Agency agency(String code) {
		return pages.activeAgency(code).orElseThrow(PowerPortalController::notFound);
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
