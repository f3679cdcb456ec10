package org.gongkai.organisation;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gongkai.organisation.AgencyCommands.AgencyDetails;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyCommands.OfficeDetails;
import org.gongkai.platform.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The agency endpoints of api-contract.md. */
@RestController
@Tag(name = "Agencies", description = "单位（机构）目录与管理")
class AgencyApiController {

	private final AgencyDirectory directory;

	private final AgencyManagement management;

	private final AgencyAccess access;

	AgencyApiController(AgencyDirectory directory, AgencyManagement management, AgencyAccess access) {
		this.directory = directory;
		this.management = management;
		this.access = access;
	}

	/** A public view of an agency. */
	record AgencyView(String code, String name, String shortName, String level, String type, String parentCode,
			String creditCode, boolean active) {
	}

	record OfficeView(String name, String address, String postcode, String officeHours, String phone, String fax,
			String email, String website, String supervisionPhone, String principalName, String leaderName,
			String leaderTitle, String divisionOfWork, LocalDate updatedOn) {
	}

	/** A designated staff member as the public sees them: work phone, no personal e-mail. */
	record ContactView(String name, String position, String phone, String duties) {
	}

	record AgencyDetailView(AgencyView agency, String functions, OfficeView disclosureOffice,
			List<ContactView> contacts) {
	}

	@GetMapping("/api/v1/public/agencies")
	@Operation(summary = "公开的单位目录（仅在用单位）")
	List<AgencyView> publicList() {
		Map<Long, String> codes = codes();
		return directory.active().stream().map(a -> view(a, codes)).toList();
	}

	@GetMapping("/api/v1/public/agencies/{code}")
	@Operation(summary = "单位详情及其政府信息公开工作机构")
	AgencyDetailView publicDetail(@PathVariable String code) {
		Agency agency = directory.requireByCode(code);
		if (!agency.active()) {
			throw org.gongkai.platform.DomainException.notFound("没有代码为“" + code + "”的单位");
		}
		return detail(agency);
	}

	@GetMapping("/api/v1/agencies")
	@Operation(summary = "当前账号可见的单位（含已撤销）")
	List<AgencyView> staffList() {
		Map<Long, String> codes = codes();
		return access.visibleAgencies(Actors.require()).stream().map(a -> view(a, codes)).toList();
	}

	@PostMapping("/api/v1/agencies")
	@Operation(summary = "新增单位（系统管理员，或对上级单位有监督权限的政务公开办）")
	ResponseEntity<AgencyView> create(@RequestBody NewAgency body) {
		Agency created = management.create(body);
		return ResponseEntity.created(URI.create("/api/v1/public/agencies/" + created.code()))
			.body(view(created, codes()));
	}

	@PutMapping("/api/v1/agencies/{code}")
	@Operation(summary = "修改单位信息")
	AgencyView update(@PathVariable String code, @RequestBody AgencyDetails body) {
		Agency agency = directory.requireByCode(code);
		return view(management.update(agency.id(), body), codes());
	}

	@PutMapping("/api/v1/agencies/{code}/disclosure-office")
	@Operation(summary = "更新政府信息公开工作机构信息（公开指南所用）")
	OfficeView updateOffice(@PathVariable String code, @RequestBody OfficeDetails body) {
		Agency agency = directory.requireByCode(code);
		return office(management.updateOffice(agency.id(), body));
	}

	private AgencyDetailView detail(Agency agency) {
		return new AgencyDetailView(view(agency, codes()), agency.functions(), office(directory.office(agency.id())),
				directory.contacts(agency.id())
					.stream()
					.map(c -> new ContactView(c.name(), c.position(), c.phone(), c.duties()))
					.toList());
	}

	private Map<Long, String> codes() {
		return directory.all().stream().collect(Collectors.toMap(Agency::id, Agency::code));
	}

	private static AgencyView view(Agency a, Map<Long, String> codes) {
		return new AgencyView(a.code(), a.name(), a.shortName(), a.level().name(), a.type().name(),
				a.parentId() == null ? null : codes.get(a.parentId()), a.creditCode(), a.active());
	}

	private static OfficeView office(DisclosureOffice o) {
		return new OfficeView(o.name(), o.address(), o.postcode(), o.officeHours(), o.phone(), o.fax(), o.email(),
				o.website(), o.supervisionPhone(), o.principalName(), o.leaderName(), o.leaderTitle(),
				o.divisionOfWork(), o.updatedOn());
	}
}
