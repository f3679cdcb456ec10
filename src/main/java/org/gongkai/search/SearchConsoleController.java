package org.gongkai.search;

import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ConsoleForms;
import org.gongkai.platform.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console 站内搜索: the query reports (editors and above), the rebuild (system administrators), synonyms and best bets
 * (system administrators and supervisors).
 */
@Controller
class SearchConsoleController {

	static final String HOME = "/console/search";

	private final SearchManagement management;

	private final SearchQueryStats stats;

	private final SearchRebuild rebuild;

	SearchConsoleController(SearchManagement management, SearchQueryStats stats, SearchRebuild rebuild) {
		this.management = management;
		this.stats = stats;
		this.rebuild = rebuild;
	}

	@GetMapping({ HOME, HOME + "/" })
	String overview(@RequestParam(required = false) Integer days, Model model) {
		Actor actor = Actors.require();
		if (!SearchManagement.maySeeReports(actor)) {
			throw DomainException.forbidden("您没有查看搜索统计的权限");
		}
		int d = days != null && days == 30 ? 30 : 7;
		model.addAttribute("days", d);
		model.addAttribute("top", stats.top(d, 50));
		model.addAttribute("zero", stats.zeroResults(d, 50));
		model.addAttribute("mayManage", SearchManagement.mayManage(actor));
		model.addAttribute("mayRebuild", actor.isSystemAdmin());
		model.addAttribute("rebuild", rebuild.status());
		return "search/console";
	}

	@PostMapping(HOME + "/rebuild")
	String startRebuild(RedirectAttributes redirect) {
		SearchRebuild.Status s = rebuild.start(Actors.require());
		redirect.addFlashAttribute("notice", s.running() ? "已开始重建搜索索引；重建期间搜索照常可用。" : "搜索索引已重建。");
		return "redirect:" + HOME;
	}

	// ---- synonyms ----------------------------------------------------------------------------------------------

	@GetMapping(HOME + "/synonyms")
	String synonyms(Model model) {
		model.addAttribute("groups", management.synonyms());
		model.addAttribute("terms", "");
		return "search/synonyms";
	}

	@PostMapping(HOME + "/synonyms")
	String addSynonym(@RequestParam(required = false) String terms, Model model, RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.addSynonym(terms);
			redirect.addFlashAttribute("notice", "已添加同义词，新的检索即按其扩展");
			return "redirect:" + HOME + "/synonyms";
		}, () -> {
			model.addAttribute("groups", management.synonyms());
			model.addAttribute("terms", terms);
			return "search/synonyms";
		});
	}

	@GetMapping(HOME + "/synonyms/{id}")
	String synonym(@PathVariable long id, Model model) {
		SynonymGroup g = management.synonym(id);
		model.addAttribute("group", g);
		model.addAttribute("terms", String.join("\n", g.terms()));
		return "search/synonym-edit";
	}

	@PostMapping(HOME + "/synonyms/{id}")
	String changeSynonym(@PathVariable long id, @RequestParam(required = false) String terms, Model model,
			RedirectAttributes redirect) {
		return ConsoleForms.attempt(model, () -> {
			management.changeSynonym(id, terms);
			redirect.addFlashAttribute("notice", "已保存同义词");
			return "redirect:" + HOME + "/synonyms";
		}, () -> {
			model.addAttribute("group", management.synonym(id));
			model.addAttribute("terms", terms);
			return "search/synonym-edit";
		});
	}

	@PostMapping(HOME + "/synonyms/{id}/delete")
	String deleteSynonym(@PathVariable long id, RedirectAttributes redirect) {
		management.deleteSynonym(id);
		redirect.addFlashAttribute("notice", "已删除该组同义词");
		return "redirect:" + HOME + "/synonyms";
	}

	// ---- best bets ---------------------------------------------------------------------------------------------

	@GetMapping(HOME + "/best-bets")
	String bestBets(Model model) {
		model.addAttribute("bets", management.bestBets());
		return "search/best-bets";
	}

	@GetMapping(HOME + "/best-bets/new")
	String newBestBet(Model model) {
		management.bestBets(); // the permission check
		model.addAttribute("bet", new SearchManagement.BestBetInput("", "", "", "", 0, true));
		model.addAttribute("action", HOME + "/best-bets");
		model.addAttribute("editing", false);
		return "search/best-bet-edit";
	}

	@PostMapping(HOME + "/best-bets")
	String addBestBet(@RequestParam(required = false) String terms, @RequestParam(required = false) String title,
			@RequestParam(required = false) String url, @RequestParam(required = false) String description,
			@RequestParam(required = false) String sortOrder, @RequestParam(required = false) String active, Model model,
			RedirectAttributes redirect) {
		SearchManagement.BestBetInput input = input(terms, title, url, description, sortOrder, active);
		return ConsoleForms.attempt(model, () -> {
			management.addBestBet(input);
			redirect.addFlashAttribute("notice", "已添加推荐结果");
			return "redirect:" + HOME + "/best-bets";
		}, () -> {
			model.addAttribute("bet", input);
			model.addAttribute("action", HOME + "/best-bets");
			model.addAttribute("editing", false);
			return "search/best-bet-edit";
		});
	}

	@GetMapping(HOME + "/best-bets/{id}")
	String bestBet(@PathVariable long id, Model model) {
		BestBet b = management.bestBet(id);
		model.addAttribute("bet", new SearchManagement.BestBetInput(String.join("\n", b.terms()), b.title(), b.url(),
				b.description(), b.sortOrder(), b.active()));
		model.addAttribute("action", HOME + "/best-bets/" + id);
		model.addAttribute("editing", true);
		model.addAttribute("id", id);
		return "search/best-bet-edit";
	}

	@PostMapping(HOME + "/best-bets/{id}")
	String changeBestBet(@PathVariable long id, @RequestParam(required = false) String terms,
			@RequestParam(required = false) String title, @RequestParam(required = false) String url,
			@RequestParam(required = false) String description, @RequestParam(required = false) String sortOrder,
			@RequestParam(required = false) String active, Model model, RedirectAttributes redirect) {
		SearchManagement.BestBetInput input = input(terms, title, url, description, sortOrder, active);
		return ConsoleForms.attempt(model, () -> {
			management.changeBestBet(id, input);
			redirect.addFlashAttribute("notice", "已保存推荐结果");
			return "redirect:" + HOME + "/best-bets";
		}, () -> {
			model.addAttribute("bet", input);
			model.addAttribute("action", HOME + "/best-bets/" + id);
			model.addAttribute("editing", true);
			model.addAttribute("id", id);
			return "search/best-bet-edit";
		});
	}

	@PostMapping(HOME + "/best-bets/{id}/deactivate")
	String deactivateBestBet(@PathVariable long id, RedirectAttributes redirect) {
		management.deactivateBestBet(id);
		redirect.addFlashAttribute("notice", "已停用该推荐结果");
		return "redirect:" + HOME + "/best-bets";
	}

	private static SearchManagement.BestBetInput input(String terms, String title, String url, String description,
			String sortOrder, String active) {
		Integer order;
		try {
			order = sortOrder == null || sortOrder.isBlank() ? 0 : Integer.valueOf(sortOrder.strip());
		}
		catch (NumberFormatException e) {
			order = -1; // reported by the validation as out of range
		}
		return new SearchManagement.BestBetInput(terms, title, url, description, order, active != null);
	}
}
