package org.gongkai.report;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.DomainException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public report pages and downloads, under the agency's 年度报告 column:
 * {@code /agencies/{code}/annual-reports/{year}/} (the latest published version), {@code .../{year}/v{n}/} (one
 * version), {@code .../{year}/v{n}/report.docx|pdf|xlsx} (and {@code .../{year}/report.docx|pdf|xlsx} for the latest),
 * and the county overview {@code /annual-reports/}. Only PUBLISHED versions are served; anything else is 404.
 *
 * <p>These pages are rendered on request, not written to the static site: a published version never changes, the
 * pages are small and the static-site filter (like nginx) hands every path without a file to the application, so a
 * static copy would only add a second place to keep right (agency renames, column navigation). The column page
 * {@code /agencies/{code}/annual-reports/} itself stays static: the publication module writes it and rewrites it on
 * {@link org.gongkai.platform.NodeEntriesChanged}, which {@link ReportNodeEntries} publishes when a report is
 * published. The year segment only matches four digits, so the column's {@code feed.atom} stays publication's.
 */
@Controller
class ReportPortalController {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final ReportPages pages;

	private final AnnualReportQueries queries;

	private final AgencyDirectory agencies;

	private final MadeFiles files;

	ReportPortalController(ReportPages pages, AnnualReportQueries queries, AgencyDirectory agencies, ReportPdf pdf) {
		this.pages = pages;
		this.queries = queries;
		this.agencies = agencies;
		this.files = new MadeFiles(pdf);
	}

	@GetMapping({ "/annual-reports/", "/annual-reports" })
	ResponseEntity<String> overview() {
		return html(pages.overviewPage());
	}

	@GetMapping({ "/agencies/{code}/annual-reports/{year:\\d{4}}/", "/agencies/{code}/annual-reports/{year:\\d{4}}" })
	ResponseEntity<String> year(@PathVariable String code, @PathVariable int year) {
		return html(pages.yearPage(activeAgency(code), year).orElseThrow(ReportPortalController::notFound));
	}

	@GetMapping({ "/agencies/{code}/annual-reports/{year:\\d{4}}/v{version:\\d{1,4}}/",
			"/agencies/{code}/annual-reports/{year:\\d{4}}/v{version:\\d{1,4}}" })
	ResponseEntity<String> version(@PathVariable String code, @PathVariable int year, @PathVariable int version) {
		return html(pages.versionPage(activeAgency(code), year, version).orElseThrow(ReportPortalController::notFound));
	}

	@GetMapping("/agencies/{code}/annual-reports/{year:\\d{4}}/report.{extension:docx|pdf|xlsx}")
	ResponseEntity<byte[]> latestFile(@PathVariable String code, @PathVariable int year, @PathVariable String extension) {
		Agency agency = activeAgency(code);
		return file(published(queries.published(agency.id(), year).orElse(null)), extension);
	}

	@GetMapping("/agencies/{code}/annual-reports/{year:\\d{4}}/v{version:\\d{1,4}}/report.{extension:docx|pdf|xlsx}")
	ResponseEntity<byte[]> versionFile(@PathVariable String code, @PathVariable int year, @PathVariable int version,
			@PathVariable String extension) {
		Agency agency = activeAgency(code);
		return file(published(queries.publishedVersion(agency.id(), year, version).orElse(null)), extension);
	}

	private ResponseEntity<byte[]> file(ReportView view, String extension) {
		ReportFile file = files.get(view, extension);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					file.contentDisposition(view.agencyCode() + "-" + view.year() + "-v" + view.version() + "." + extension))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "public, no-cache")
			.body(file.content());
	}

	/**
	 * The files of published versions, made once: a published version never changes, and a PDF takes a moment (the
	 * font is read each time). Keyed by everything the file shows that could change around it (the agency's name).
	 */
	static final class MadeFiles {

		private static final int MAX = 48;

		private final ReportPdf pdf;

		private final java.util.Map<String, ReportFile> made = new java.util.LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(java.util.Map.Entry<String, ReportFile> eldest) {
				return size() > MAX;
			}
		};

		MadeFiles(ReportPdf pdf) {
			this.pdf = pdf;
		}

		ReportFile get(ReportView view, String extension) {
			String key = view.reportId() + "/" + view.version() + "/" + extension + "/" + view.title();
			synchronized (made) {
				ReportFile file = made.get(key);
				if (file != null) {
					return file;
				}
			}
			ReportFile file = switch (extension) {
				case "docx" -> ReportWord.write(view);
				case "pdf" -> pdf.write(view);
				default -> ReportWorkbook.write(view);
			};
			synchronized (made) {
				made.put(key, file);
			}
			return file;
		}
	}

	private static ReportView published(ReportView view) {
		if (view == null || view.status() != ReportStatus.PUBLISHED) {
			throw notFound();
		}
		return view;
	}

	private Agency activeAgency(String code) {
		return agencies.findByCode(code).filter(Agency::active).orElseThrow(ReportPortalController::notFound);
	}

	private static DomainException notFound() {
		return DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误");
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}
}
