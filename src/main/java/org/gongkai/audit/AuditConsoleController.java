package org.gongkai.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console page: search the audit trail. */
@Controller
class AuditConsoleController implements ConsoleMenuContributor {

	private static final int PAGE_SIZE = 50;

	private final AuditTrail trail;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	AuditConsoleController(AuditTrail trail, AgencyDirectory agencies, AgencyAccess access) {
		this.trail = trail;
		this.agencies = agencies;
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(new ConsoleMenuItem(80, "审计日志", "/console/audit",
				a -> a.isSystemAdmin() || a.hasRole(Role.SUPERVISOR) || a.hasRole(Role.AGENCY_ADMIN)));
	}

	@GetMapping("/console/audit")
	String search(@RequestParam(required = false) Long agency, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		AuditEntries.Page result = trail.search(agency, actor, action,
				from == null ? null : from.atStartOfDay(Zones.CHINA).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(Zones.CHINA).toInstant(), q, page, PAGE_SIZE);
		var reader = Actors.require();
		List<Agency> options = reader.isSystemAdmin() ? agencies.all()
				: access.agenciesFor(reader, Role.SUPERVISOR, Role.AGENCY_ADMIN);
		Map<Long, String> names = agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name));
		model.addAttribute("result", result);
		model.addAttribute("agencyOptions", options);
		model.addAttribute("agencyNames", names);
		model.addAttribute("page", page);
		model.addAttribute("zone", Zones.CHINA);
		model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("filter", Map.of("agency", agency == null ? "" : agency.toString(), "actor",
				actor == null ? "" : actor, "action", action == null ? "" : action, "from",
				from == null ? "" : from.toString(), "to", to == null ? "" : to.toString(), "q", q == null ? "" : q));
		return "audit/search";
	}
}
