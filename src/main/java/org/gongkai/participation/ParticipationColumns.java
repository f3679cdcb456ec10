package org.gongkai.participation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.AgencyColumn;
import org.gongkai.platform.AgencyColumns;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.PageRenderer;
import org.gongkai.platform.SitemapContributor;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The 公众参与 column, site-wide ({@code /participation/}) and per agency ({@code /agencies/{code}/participation/}):
 * one section per kind of participation record in the kinds' order — consultations still open first, each with its
 * countdown — with a link to each kind's full list. The pages carry public data only and no form, so they are rendered
 * without a session; every entry comes from {@link ParticipationKind#highlights}, which gives public records only.
 */
@Controller
@Order(50)
class ParticipationColumns implements AgencyColumns.Contributor, SitemapContributor {

	/** The column code: {@code /agencies/{code}/participation/}. */
	static final String COLUMN = "participation";

	static final String HOME = "/participation/";

	/** How many records of each kind the column shows. */
	static final int PER_KIND = 8;

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private final ParticipationLinks links;

	private final AgencyDirectory agencies;

	private final AgencyColumns columns;

	private final PageRenderer renderer;

	ParticipationColumns(ParticipationLinks links, AgencyDirectory agencies, AgencyColumns columns, PageRenderer renderer) {
		this.links = links;
		this.agencies = agencies;
		this.columns = columns;
		this.renderer = renderer;
	}

	static String agencyPath(Agency agency) {
		return "/agencies/" + agency.code() + "/" + COLUMN + "/";
	}

	@Override
	public List<AgencyColumn> columns(long agencyId) {
		return List.of(new AgencyColumn(COLUMN, "公众参与", "重大决策事项目录、意见征集及采纳情况、民意调查和会议公开"));
	}

	@Override
	public List<String> publicPaths() {
		List<String> paths = new ArrayList<>();
		paths.add(HOME);
		for (Agency a : agencies.active()) {
			paths.add(agencyPath(a));
		}
		return paths;
	}

	@GetMapping({ "/participation/", "/participation" })
	ResponseEntity<String> home() {
		return html(page(null));
	}

	@GetMapping({ "/agencies/{code}/participation/", "/agencies/{code}/participation" })
	ResponseEntity<String> agencyColumn(@PathVariable String code) {
		Agency agency = agencies.findByCode(code)
			.filter(Agency::active)
			.orElseThrow(() -> DomainException.notFound("您访问的页面不存在，可能已被撤下或地址有误"));
		return html(page(agency));
	}

	/** One section of the column: a kind, its public records and the way to all of them. */
	record Section(String kind, String title, String listPath, List<ParticipationLink> items) {
	}

	String page(Agency agency) {
		List<Section> sections = links.kinds()
			.stream()
			.map(k -> new Section(k.kind(), k.title(), k.listPath(agency == null ? null : agency.code()),
					k.highlights(agency == null ? null : agency.id(), PER_KIND)))
			.toList();
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("agency", agency);
		model.put("sections", sections);
		model.put("homePath", HOME);
		if (agency != null) {
			model.put("columns", columns.of(agency.id()));
		}
		return renderer.render("participation/portal-home", model);
	}

	private static ResponseEntity<String> html(String body) {
		return ResponseEntity.ok().contentType(HTML).body(body);
	}
}
