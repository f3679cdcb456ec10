package org.gongkai.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongkai.identity.AccountCommands.AccountUpdate;
import org.gongkai.identity.AccountCommands.NewAccount;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages: staff accounts, integration tokens, and changing one's own password. */
@Controller
class IdentityConsoleController implements ConsoleMenuContributor {

	private final AccountManagement accounts;

	private final TokenManagement tokens;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	IdentityConsoleController(AccountManagement accounts, TokenManagement tokens, AgencyDirectory agencies,
			AgencyAccess access) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.agencies = agencies;
		this.access = access;
	}

	@Override
	public List<ConsoleMenuItem> menuItems() {
		return List.of(
				new ConsoleMenuItem(30, "账号管理", "/console/accounts",
						a -> a.isSystemAdmin() || a.hasRole(Role.SUPERVISOR) || a.hasRole(Role.AGENCY_ADMIN)),
				new ConsoleMenuItem(40, "接口令牌", "/console/tokens", a -> a.isSystemAdmin() || a.hasRole(Role.AGENCY_ADMIN)),
				new ConsoleMenuItem(90, "修改密码", "/console/password", a -> !a.token()));
	}

	@GetMapping("/console/accounts")
	String accounts(Model model) {
		model.addAttribute("accounts", accounts.manageableAccounts());
		model.addAttribute("agencyNames", agencyNames());
		return "identity/accounts";
	}

	@GetMapping("/console/accounts/new")
	String newAccount(Model model) {
		AccountForm form = new AccountForm();
		Actor actor = Actors.require();
		form.setAgencyId(actor.agencyId());
		model.addAttribute("form", form);
		return accountForm(model, null);
	}

	@PostMapping("/console/accounts/new")
	String create(@ModelAttribute("form") AccountForm form, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			StaffAccount created = accounts.create(new NewAccount(form.getUsername(), form.getDisplayName(),
					form.getAgencyId(), form.getPassword(), form.getPhone(), form.getEmail(), form.grants()));
			redirect.addFlashAttribute("notice", "已新增账号 " + created.username());
			return "redirect:/console/accounts/" + created.id();
		}, () -> accountForm(model, null));
	}

	@GetMapping("/console/accounts/{id}")
	String account(@PathVariable long id, Model model) {
		StaffAccount account = accounts.requireManageable(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", AccountForm.of(account));
		}
		return accountForm(model, account);
	}

	@PostMapping("/console/accounts/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, Model model,
			RedirectAttributes redirect) {
		StaffAccount existing = accounts.requireManageable(id);
		long scopes = existing.grants().stream().map(g -> g.agencyId() + "/" + g.subtree()).distinct().count();
		if (scopes > 1) {
			throw new org.gongkai.platform.DomainException("该账号的角色分属多个单位或范围，无法在此表单中修改；请使用账号接口逐项调整");
		}
		return ConsoleForms.attempt(model, () -> {
			accounts.update(id, new AccountUpdate(form.getDisplayName(), form.getAgencyId(), form.getPhone(),
					form.getEmail(), form.isEnabled(), form.grants()));
			redirect.addFlashAttribute("notice", "账号已保存");
			return "redirect:/console/accounts/" + id;
		}, () -> accountForm(model, accounts.requireManageable(id)));
	}

	@PostMapping("/console/accounts/{id}/reset-password")
	String reset(@PathVariable long id, RedirectAttributes redirect) {
		String password = accounts.resetPassword(id);
		redirect.addFlashAttribute("secret", password);
		redirect.addFlashAttribute("notice", "密码已重置。新密码只显示这一次，请安全地告知本人并提醒其登录后修改。");
		return "redirect:/console/accounts/" + id;
	}

	@PostMapping("/console/accounts/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		accounts.unlock(id);
		redirect.addFlashAttribute("notice", "账号已解锁");
		return "redirect:/console/accounts/" + id;
	}

	@GetMapping("/console/tokens")
	String tokens(@RequestParam(required = false) String agency, Model model) {
		Actor actor = Actors.require();
		List<Agency> administered = access.agenciesFor(actor, Role.AGENCY_ADMIN).stream().filter(Agency::active).toList();
		Agency selected = agency != null ? agencies.requireByCode(agency) : AgencyAccess.defaultChoice(actor, administered);
		model.addAttribute("administered", administered);
		model.addAttribute("selected", selected);
		model.addAttribute("tokens", selected == null ? List.of() : tokens.tokensOf(selected.id()));
		model.addAttribute("scopes", TokenScope.values());
		return "identity/tokens";
	}

	@PostMapping("/console/tokens")
	String issue(@RequestParam String agency, @RequestParam(required = false) String name,
			@RequestParam(required = false) List<String> scopes, @RequestParam(required = false) Integer validDays,
			Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			TokenManagement.IssuedToken issued = tokens.issue(agency, name, scopes, validDays);
			redirect.addFlashAttribute("secret", issued.token());
			redirect.addFlashAttribute("notice", "令牌已签发。令牌只显示这一次，请立即复制并配置到对方系统中。");
			redirect.addAttribute("agency", agency);
			return "redirect:/console/tokens";
		}, () -> tokens(agency, model));
	}

	@PostMapping("/console/tokens/{id}/revoke")
	String revoke(@PathVariable long id, @RequestParam String agency, RedirectAttributes redirect) {
		tokens.revoke(id);
		redirect.addFlashAttribute("notice", "令牌已撤销，使用它的系统将无法再调用接口");
		redirect.addAttribute("agency", agency);
		return "redirect:/console/tokens";
	}

	@GetMapping("/console/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/console/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmation, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			accounts.changeOwnPassword(currentPassword, newPassword, confirmation);
			redirect.addFlashAttribute("notice", "密码已修改，下次登录请使用新密码");
			return "redirect:/console";
		}, () -> "identity/password");
	}

	private String accountForm(Model model, StaffAccount account) {
		Actor actor = Actors.require();
		List<Agency> scope = actor.isSystemAdmin() ? agencies.active()
				: access.agenciesFor(actor, Role.SUPERVISOR, Role.AGENCY_ADMIN).stream().filter(Agency::active).toList();
		model.addAttribute("account", account);
		model.addAttribute("agencyOptions", scope);
		model.addAttribute("roles", Arrays.stream(Role.values())
			.filter(r -> r != Role.SYSTEM_ADMIN || actor.isSystemAdmin())
			.toList());
		return "identity/account";
	}

	private Map<Long, String> agencyNames() {
		return agencies.all().stream().collect(Collectors.toMap(Agency::id, Agency::name));
	}

}
