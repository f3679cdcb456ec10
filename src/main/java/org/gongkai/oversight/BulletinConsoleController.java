package org.gongkai.oversight;

import org.gongkai.platform.FormFields;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of bulletins: the list, generating a draft from a round or a period, editing, issuing, Word and PDF. */
@Controller
class BulletinConsoleController {

	private final BulletinManagement management;

	private final OversightInspectionManagement inspections;

	private final BulletinPdf pdf;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	BulletinConsoleController(BulletinManagement management, OversightInspectionManagement inspections, BulletinPdf pdf,
			AgencyAccess access, AgencyDirectory agencies) {
		this.management = management;
		this.inspections = inspections;
		this.pdf = pdf;
		this.access = access;
		this.agencies = agencies;
	}

	@GetMapping("/console/bulletins")
	String list(@RequestParam(required = false) Long inspection, Model model) {
		Actor actor = Actors.require();
		List<Agency> supervised = access.agenciesFor(actor, Role.SUPERVISOR).stream().filter(Agency::active).toList();
		model.addAttribute("bulletins", management.list(actor));
		model.addAttribute("supervised", supervised);
		model.addAttribute("rounds", inspections.rounds(actor).stream().filter(r -> inspections.supervises(actor, r)).toList());
		model.addAttribute("names", names());
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new LinkedHashMap<>();
			input.put("inspection", inspection == null ? "" : inspection.toString());
			model.addAttribute("input", input);
		}
		return "oversight/bulletin-console";
	}

	@PostMapping("/console/bulletins")
	String generate(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return SelfCheckConsoleController.act(model, params, () -> list(null, model), () -> {
			String code = Texts.trimToNull(params.get("agency"));
			if (code == null) {
				throw InvalidInputException.of("agency", "请选择印发单位");
			}
			Agency agency = agencies.findByCode(code).orElseThrow(() -> InvalidInputException.of("agency", "单位不存在"));
			String round = Texts.trimToNull(params.get("inspection"));
			Bulletin b = management.generate(agency.id(), round == null ? null : Long.valueOf(round),
					FormFields.date(params.get("periodFrom"), "periodFrom", "起始日期"),
					FormFields.date(params.get("periodTo"), "periodTo", "截止日期"));
			redirect.addFlashAttribute("notice", "已生成通报草稿，请核对修改后印发");
			return "redirect:/console/bulletins/" + b.id();
		});
	}

	@GetMapping("/console/bulletins/{id}")
	String view(@PathVariable long id, Model model) {
		Bulletin b = management.view(id);
		Actor actor = Actors.require();
		model.addAttribute("b", b);
		model.addAttribute("agency", agencies.requireById(b.agencyId()));
		model.addAttribute("canEdit", management.canEdit(actor, b));
		model.addAttribute("pdfAvailable", pdf.available());
		if (!model.containsAttribute("input")) {
			Map<String, String> input = new LinkedHashMap<>();
			input.put("title", b.title());
			input.put("documentNumber", b.documentNumber());
			input.put("overall", b.overall());
			input.put("problems", b.problems());
			input.put("requirements", b.requirements());
			input.put("publicBulletin", String.valueOf(b.publicBulletin()));
			model.addAttribute("input", input);
		}
		return "oversight/bulletin-console-view";
	}

	@PostMapping("/console/bulletins/{id}")
	String update(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		return SelfCheckConsoleController.act(model, params, () -> view(id, model), () -> {
			management.update(id, params.get("title"), params.get("documentNumber"), params.get("overall"), params.get("problems"),
					params.get("requirements"), "true".equals(params.get("publicBulletin")));
			if ("issue".equals(params.get("action"))) {
				Bulletin b = management.issue(id);
				redirect.addFlashAttribute("notice", "通报已印发" + (b.publicBulletin() ? "，并在门户网站公开" : ""));
			}
			else {
				redirect.addFlashAttribute("notice", "已保存");
			}
			return "redirect:/console/bulletins/" + id;
		});
	}

	@PostMapping("/console/bulletins/{id}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		management.discard(id);
		redirect.addFlashAttribute("notice", "已删除通报草稿");
		return "redirect:/console/bulletins";
	}

	@GetMapping("/console/bulletins/{id}/word")
	ResponseEntity<byte[]> word(@PathVariable long id) {
		Bulletin b = management.view(id);
		return file(BulletinWord.write(b, agencies.requireById(b.agencyId()).name()));
	}

	@GetMapping("/console/bulletins/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		Bulletin b = management.view(id);
		return file(pdf.write(b, agencies.requireById(b.agencyId()).name()));
	}

	static ResponseEntity<byte[]> file(BulletinFile f) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(f.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(f.content());
	}

	private Map<Long, String> names() {
		Map<Long, String> names = new LinkedHashMap<>();
		agencies.all().forEach(a -> names.put(a.id(), a.name()));
		return names;
	}
}
