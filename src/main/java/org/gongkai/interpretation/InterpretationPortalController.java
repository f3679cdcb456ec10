package org.gongkai.interpretation;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.gongkai.platform.Texts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public pages rendered on request: filtered and later pages of the columns, and any page the static site
 * does not have yet. Everything here reads public data only.
 */
@Controller
class InterpretationPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final InterpretationPages pages;

	private final InterpretationQueries queries;

	private final AgencyDirectory agencies;

	private final FileStore files;

	InterpretationPortalController(InterpretationPages pages, InterpretationQueries queries, AgencyDirectory agencies,
			FileStore files) {
		this.pages = pages;
		this.queries = queries;
		this.agencies = agencies;
		this.files = files;
	}

	@GetMapping({ "/interpretations/", "/interpretations" })
	ResponseEntity<String> siteList(@RequestParam(required = false) String form, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String agency, @RequestParam(defaultValue = "1") int page) {
		return html(pages.listPage(null, filters(form, theme, agency, page)).orElseThrow(InterpretationPortalController::notFound));
	}

	@GetMapping("/interpretations/feed.atom")
	ResponseEntity<String> siteFeed() {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(null));
	}

	@GetMapping({ "/agencies/{code}/interpretations/", "/agencies/{code}/interpretations" })
	ResponseEntity<String> agencyList(@PathVariable String code, @RequestParam(required = false) String form,
			@RequestParam(required = false) String theme, @RequestParam(defaultValue = "1") int page) {
		return html(pages.listPage(activeAgency(code), filters(form, theme, null, page))
			.orElseThrow(InterpretationPortalController::notFound));
	}

	@GetMapping("/agencies/{code}/interpretations/feed.atom")
	ResponseEntity<String> agencyFeed(@PathVariable String code) {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed(activeAgency(code)));
	}

	@GetMapping({ "/agencies/{code}/interpretations/{id}/", "/agencies/{code}/interpretations/{id}" })
	ResponseEntity<String> item(@PathVariable String code, @PathVariable long id) {
		return html(pages.itemPage(activeAgency(code), id).orElseThrow(InterpretationPortalController::notFound));
	}

	@GetMapping("/agencies/{code}/interpretations/{id}/files/{name}")
	ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable long id, @PathVariable String name) {
		Agency agency = activeAgency(code);
		Interpretation i = queries.publicInterpretation(id).filter(x -> x.agencyId() == agency.id())
			.orElseThrow(InterpretationPortalController::notFound);
		InterpretationMedia m = queries.media(i.id()).stream().filter(x -> x.safeName().equals(name)).findFirst()
			.orElseThrow(InterpretationPortalController::notFound);
		byte[] bytes = files.get(m.storageKey()).orElseThrow(InterpretationPortalController::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(m.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(m.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	@GetMapping({ "/concerns/", "/concerns" })
	ResponseEntity<String> concerns(@RequestParam(defaultValue = "1") int page) {
		return html(pages.concernList(null, Math.max(page, 1)).orElseThrow(InterpretationPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/concerns/", "/agencies/{code}/concerns" })
	ResponseEntity<String> agencyConcerns(@PathVariable String code, @RequestParam(defaultValue = "1") int page) {
		return html(pages.concernList(activeAgency(code), Math.max(page, 1)).orElseThrow(InterpretationPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/concerns/{id}/", "/agencies/{code}/concerns/{id}" })
	ResponseEntity<String> concern(@PathVariable String code, @PathVariable long id) {
		return html(pages.concernPage(activeAgency(code), id).orElseThrow(InterpretationPortalController::notFound));
	}

	private static InterpretationPages.Filters filters(String form, String theme, String agency, int page) {
		InterpretationForm f = null;
		if (Texts.trimToNull(form) != null) {
			try {
				f = InterpretationForm.valueOf(form.trim());
			}
			catch (IllegalArgumentException e) {
				throw notFound();
			}
		}
		return new InterpretationPages.Filters(f, Texts.trimToNull(theme), Texts.trimToNull(agency), Math.max(page, 1));
	}

	private Agency activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active).orElseThrow(InterpretationPortalController::notFound);
	}

	private static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}
}
