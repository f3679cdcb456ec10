package org.gongkai.publication;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Texts;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.FileStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Item pages, node lists (with filters and paging), attachments and feeds on request: the same
 * renderer as the static site, used when a page has no static file or a list is filtered.
 */
@Controller
class PublicationPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final PublicationPages pages;

	private final PublicationQueries queries;

	private final AgencyDirectory agencies;

	private final FileStore files;

	PublicationPortalController(PublicationPages pages, PublicationQueries queries, AgencyDirectory agencies,
			FileStore files) {
		this.pages = pages;
		this.queries = queries;
		this.agencies = agencies;
		this.files = files;
	}

	@GetMapping({ "/agencies/{code}/documents/{id}/", "/agencies/{code}/documents/{id}" })
	ResponseEntity<String> document(@PathVariable String code, @PathVariable long id) {
		Agency agency = activeAgency(code);
		return html(pages.documentPage(agency, id).orElseThrow(PublicationPortalController::notFound));
	}

	@GetMapping("/agencies/{code}/documents/{id}/files/{name}")
	ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable long id, @PathVariable String name) {
		Agency agency = activeAgency(code);
		Document doc = queries.publicDocument(id).filter(d -> d.agencyId() == agency.id())
			.orElseThrow(PublicationPortalController::notFound);
		Attachment a = queries.attachments(doc.id()).stream().filter(x -> x.safeName().equals(name)).findFirst()
			.orElseThrow(PublicationPortalController::notFound);
		byte[] bytes = files.get(a.storageKey()).orElseThrow(PublicationPortalController::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	@GetMapping({ "/agencies/{code}/on-request/{issueId}/", "/agencies/{code}/on-request/{issueId}" })
	ResponseEntity<String> onRequestIssue(@PathVariable String code, @PathVariable long issueId) {
		Agency agency = activeAgency(code);
		return html(pages.onRequestIssuePage(agency, issueId).orElseThrow(PublicationPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/normative/", "/agencies/{code}/normative" })
	ResponseEntity<String> normative(@PathVariable String code) {
		return html(pages.normativePage(activeAgency(code)));
	}

	@GetMapping({ "/agencies/{code}/cleanup/{roundId}/", "/agencies/{code}/cleanup/{roundId}" })
	ResponseEntity<String> cleanup(@PathVariable String code, @PathVariable long roundId) {
		Agency agency = activeAgency(code);
		return html(pages.cleanupPage(agency, roundId).orElseThrow(PublicationPortalController::notFound));
	}

	@GetMapping("/agencies/{code}/feed.atom")
	ResponseEntity<String> agencyFeed(@PathVariable String code) {
		return ResponseEntity.ok().contentType(ATOM).body(pages.agencyFeed(activeAgency(code)));
	}

	@GetMapping("/agencies/{code}/{node}/feed.atom")
	ResponseEntity<String> nodeFeed(@PathVariable String code, @PathVariable String node) {
		return ResponseEntity.ok()
			.contentType(ATOM)
			.body(pages.nodeFeed(activeAgency(code), node).orElseThrow(PublicationPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/{node}/", "/agencies/{code}/{node}" })
	ResponseEntity<String> node(@PathVariable String code, @PathVariable String node,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String type, @RequestParam(required = false) Validity validity,
			@RequestParam(defaultValue = "1") int page) {
		Agency agency = activeAgency(code);
		PublicationPages.Filters filters = new PublicationPages.Filters(year, Texts.trimToNull(theme), Texts.trimToNull(type), validity,
				Math.max(page, 1));
		return html(pages.nodePage(agency, node, filters).orElseThrow(PublicationPortalController::notFound));
	}

	private Agency activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active).orElseThrow(PublicationPortalController::notFound);
	}

	private static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}
}
