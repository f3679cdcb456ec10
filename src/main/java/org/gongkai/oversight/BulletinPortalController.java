package org.gongkai.oversight;

import org.gongkai.platform.DomainException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public bulletin pages, with no session; the Word file of a public bulletin for download. */
@Controller
class BulletinPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final BulletinPages pages;

	private final BulletinManagement bulletins;

	private final org.gongkai.organisation.AgencyDirectory agencies;

	BulletinPortalController(BulletinPages pages, BulletinManagement bulletins, org.gongkai.organisation.AgencyDirectory agencies) {
		this.pages = pages;
		this.bulletins = bulletins;
		this.agencies = agencies;
	}

	@GetMapping({ "/bulletins/", "/bulletins" })
	ResponseEntity<String> list() {
		return ResponseEntity.ok().contentType(HTML).body(pages.list());
	}

	@GetMapping({ "/bulletins/{id}/", "/bulletins/{id}" })
	ResponseEntity<String> bulletin(@PathVariable String id) {
		return ResponseEntity.ok().contentType(HTML).body(pages.bulletin(number(id)).orElseThrow(BulletinPortalController::notFound));
	}

	@GetMapping("/bulletins/{id}/bulletin.docx")
	ResponseEntity<byte[]> word(@PathVariable String id) {
		Bulletin b = bulletins.publicBulletin(number(id)).orElseThrow(BulletinPortalController::notFound);
		return BulletinConsoleController.file(BulletinWord.write(b, agencies.requireById(b.agencyId()).name()));
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
}
