package org.gongkai.console;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleMenuContributor;
import org.gongkai.platform.ConsoleMenuItem;
import org.gongkai.platform.DashboardCard;
import org.gongkai.platform.DashboardContributor;
import org.gongkai.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Login page, dashboard, and the navigation every console page shows. */
@Controller
@ControllerAdvice
class ConsoleShell {

	private final List<ConsoleMenuContributor> menus;

	private final List<DashboardContributor> dashboards;

	ConsoleShell(List<ConsoleMenuContributor> menus, List<DashboardContributor> dashboards) {
		this.menus = menus;
		this.dashboards = dashboards;
	}

	/** Navigation and the acting user, for console pages only. */
	@ModelAttribute
	void shell(HttpServletRequest request, Model model) {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/console")) {
			return;
		}
		Actors.current().ifPresent(actor -> {
			model.addAttribute("me", actor);
			model.addAttribute("myRoles", actor.grants().stream().map(g -> g.role().label()).distinct().toList());
			model.addAttribute("menu", menuFor(actor));
			model.addAttribute("currentPath", request.getRequestURI());
		});
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, Model model) {
		if (error != null) {
			model.addAttribute("loginError", switch (error) {
				case "locked" -> "账号已被锁定：连续多次密码错误。请稍后再试，或联系管理员解锁。";
				case "disabled" -> "账号已停用，请联系管理员。";
				default -> "用户名或密码不正确。";
			});
		}
		return "console/login";
	}

	@GetMapping({ "/console", "/console/" })
	String dashboard(Model model) {
		Actor actor = Actors.require();
		model.addAttribute("cards", dashboards.stream()
			.flatMap(d -> d.cardsFor(actor).stream())
			.sorted(Comparator.comparingInt(DashboardCard::order))
			.toList());
		model.addAttribute("isAdmin", actor.isSystemAdmin() || actor.hasRole(Role.SUPERVISOR));
		return "console/dashboard";
	}

	List<ConsoleMenuItem> menuFor(Actor actor) {
		return menus.stream()
			.flatMap(m -> m.menuItems().stream())
			.filter(i -> i.visibleTo().test(actor))
			.sorted(Comparator.comparingInt(ConsoleMenuItem::order))
			.toList();
	}
}
