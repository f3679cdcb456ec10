package org.gongkai.oversight;

import org.gongkai.platform.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public work-plan pages, rendered on request by {@link WorkPlanPages} with no session: {@code /work-plans/} and
 * {@code /work-plans/{id}/}. A plan that is a draft or not marked public is 404.
 */
@Controller
class WorkPlanPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final WorkPlanPages pages;

	WorkPlanPortalController(WorkPlanPages pages) {
		this.pages = pages;
	}

	@GetMapping({ "/work-plans/", "/work-plans" })
	ResponseEntity<String> list() {
		return ResponseEntity.ok().contentType(HTML).body(pages.listPage());
	}

	@GetMapping({ "/work-plans/{id:\\d{1,12}}/", "/work-plans/{id:\\d{1,12}}" })
	ResponseEntity<String> plan(@PathVariable long id) {
		return ResponseEntity.ok().contentType(HTML).body(pages.planPage(id)
			.orElseThrow(() -> DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误")));
	}
}
