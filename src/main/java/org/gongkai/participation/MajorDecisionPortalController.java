package org.gongkai.participation;

import org.gongkai.organisation.Agency;
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

import java.nio.charset.StandardCharsets;

/** The public major-decision pages, rendered per request from published catalogues only, with no session. */
@Controller
class MajorDecisionPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final MajorDecisionPages pages;

	private final MajorDecisionQueries queries;

	private final FileStore files;

	MajorDecisionPortalController(MajorDecisionPages pages, MajorDecisionQueries queries, FileStore files) {
		this.pages = pages;
		this.queries = queries;
		this.files = files;
	}

	@GetMapping({ "/participation/decisions/", "/participation/decisions" })
	ResponseEntity<String> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String year) {
		Agency a = Texts.trimToNull(agency) == null ? null : pages.activeAgency(agency.trim()).orElseThrow(MajorDecisionPortalController::notFound);
		if (Texts.trimToNull(year) != null) {
			int y = MajorDecisionManagement.parseYear(year).filter(v -> v >= 2000 && v <= 2100).orElseThrow(MajorDecisionPortalController::notFound);
			return html(pages.list(a, y).orElseThrow(MajorDecisionPortalController::notFound));
		}
		// no year chosen: the current year's catalogue, else the agency's latest published one, else an empty page
		return html(pages.latest(a));
	}

	@GetMapping("/participation/decisions/feed.atom")
	ResponseEntity<String> feed() {
		return ResponseEntity.ok().contentType(ATOM).body(pages.feed());
	}

	@GetMapping({ "/participation/decisions/{id}/", "/participation/decisions/{id}" })
	ResponseEntity<String> item(@PathVariable String id) {
		return html(pages.item(number(id)).orElseThrow(MajorDecisionPortalController::notFound));
	}

	@GetMapping("/participation/decisions/{id}/files/{which}")
	ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String which) {
		MajorDecisionQueries.PublicFile f = queries.publicFile(number(id), which).orElseThrow(MajorDecisionPortalController::notFound);
		byte[] content = files.get(f.key()).orElseThrow(MajorDecisionPortalController::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content);
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
