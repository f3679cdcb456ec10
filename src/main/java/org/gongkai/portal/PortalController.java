package org.gongkai.portal;

import org.gongkai.platform.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Renders portal pages on request when the static site has no file for them (a fresh node, a page
 * not generated yet). Same renderer, same output as the static site.
 */
@Controller
class PortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final PortalPages pages;

	PortalController(PortalPages pages) {
		this.pages = pages;
	}

	@GetMapping("/")
	ResponseEntity<String> home() {
		return html(pages.home());
	}

	@GetMapping({ "/agencies/", "/agencies" })
	ResponseEntity<String> directory() {
		return html(pages.directoryPage());
	}

	@GetMapping({ "/agencies/{code}/", "/agencies/{code}" })
	ResponseEntity<String> agency(@PathVariable String code) {
		return html(pages.agencyHome(code).orElseThrow(PortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/guide/", "/agencies/{code}/guide" })
	ResponseEntity<String> guide(@PathVariable String code) {
		return html(pages.guide(code).orElseThrow(PortalController::notFound));
	}

	private static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}
}
