package org.gongkai.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agency adds, edits, reorders and hides its own catalogue nodes. */
@Service
@Transactional
public class CatalogManagement {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");

	private static final List<String> RESERVED = List.of("documents", "feed.atom", "nodes", "files", "cleanup", "normative",
			"ledger", "interpretations", "concerns", "apply", "interaction", "powers", "services", "enforcement", "participation",
			"inspections");

	private final CatalogNodes nodes;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CatalogManagement(CatalogNodes nodes, AgencyAccess access, ApplicationEventPublisher events, Clock clock) {
		this.nodes = nodes;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	public record NodeDetails(String title, String description, String emptyExplanation, String timeLimitText,
			String timeLimitRule, Boolean hidden) {

		boolean hide() {
			return Boolean.TRUE.equals(hidden);
		}
	}

	public CatalogNode addChild(long agencyId, String parentCode, String code, NodeDetails details) {
		Actor actor = access.require(agencyId, Role.AGENCY_ADMIN, Role.SUPERVISOR);
		CatalogNode parent = parentCode == null || parentCode.isBlank() ? null
				: nodes.find(agencyId, parentCode).orElseThrow(() -> InvalidInputException.of("parentCode", "上级栏目不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		if (code == null || !CODE.matcher(code.trim()).matches() || RESERVED.contains(code.trim())) {
			problems.add(new FieldProblem("code", "栏目代码只能使用小写字母、数字和连字符（2至60位），且不能使用保留字"));
		}
		else if (nodes.find(agencyId, code.trim()).isPresent()) {
			problems.add(new FieldProblem("code", "栏目代码“" + code.trim() + "”已被使用"));
		}
		TimeLimitRule rule = validate(details, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int sort = nodes.findByAgency(agencyId)
			.stream()
			.filter(n -> parent == null ? n.parentId() == null : Long.valueOf(parent.id()).equals(n.parentId()))
			.mapToInt(CatalogNode::sortOrder)
			.max()
			.orElse(0) + 10;
		CatalogNode draft = new CatalogNode(0, agencyId, parent == null ? null : parent.id(), NodeKind.CUSTOM, code.trim(),
				details.title().trim(), Texts.trimToNull(details.description()), sort, details.hide(),
				Texts.trimToNull(details.emptyExplanation()), Texts.trimToNull(details.timeLimitText()), rule, null);
		long id = nodes.insert(draft);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "catalog.node-added", "CatalogNode", id,
				"新增公开目录栏目“" + draft.title() + "”", null, draft.code()));
		events.publishEvent(new CatalogChanged(agencyId));
		return nodes.findById(id).orElseThrow();
	}

	public CatalogNode update(long nodeId, NodeDetails details) {
		CatalogNode current = nodes.findById(nodeId).orElseThrow(() -> DomainException.notFound("该栏目不存在"));
		Actor actor = access.require(current.agencyId(), Role.AGENCY_ADMIN, Role.SUPERVISOR);
		List<FieldProblem> problems = new ArrayList<>();
		TimeLimitRule rule = validate(details, problems);
		if (details.hide() && current.kind().isRequiredTopLevel()) {
			problems.add(new FieldProblem("hidden", "“" + current.title() + "”是必设的一级栏目，不能隐藏"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		CatalogNode changed = new CatalogNode(current.id(), current.agencyId(), current.parentId(), current.kind(),
				current.code(), details.title().trim(), Texts.trimToNull(details.description()), current.sortOrder(), details.hide(),
				Texts.trimToNull(details.emptyExplanation()), Texts.trimToNull(details.timeLimitText()), rule, current.entry());
		nodes.update(changed);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), current.agencyId(), "catalog.node-updated",
				"CatalogNode", nodeId, "修改公开目录栏目“" + changed.title() + "”", summary(current), summary(changed)));
		events.publishEvent(new CatalogChanged(current.agencyId()));
		return changed;
	}

	/** Swaps the node with its previous ({@code up}) or next sibling. */
	public void move(long nodeId, boolean up) {
		CatalogNode node = nodes.findById(nodeId).orElseThrow(() -> DomainException.notFound("该栏目不存在"));
		Actor actor = access.require(node.agencyId(), Role.AGENCY_ADMIN, Role.SUPERVISOR);
		List<CatalogNode> siblings = nodes.findByAgency(node.agencyId())
			.stream()
			.filter(n -> java.util.Objects.equals(n.parentId(), node.parentId()))
			.toList();
		int i = siblings.indexOf(siblings.stream().filter(n -> n.id() == nodeId).findFirst().orElseThrow());
		int j = up ? i - 1 : i + 1;
		if (j < 0 || j >= siblings.size()) {
			throw new DomainException(up ? "已经是第一个栏目" : "已经是最后一个栏目");
		}
		CatalogNode other = siblings.get(j);
		nodes.update(withSort(node, other.sortOrder() == node.sortOrder() ? node.sortOrder() + (up ? -1 : 1) : other.sortOrder()));
		nodes.update(withSort(other, node.sortOrder()));
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), node.agencyId(), "catalog.node-moved", "CatalogNode",
				nodeId, "调整栏目“" + node.title() + "”的顺序", null, up ? "上移" : "下移"));
		events.publishEvent(new CatalogChanged(node.agencyId()));
	}

	private static CatalogNode withSort(CatalogNode n, int sort) {
		return new CatalogNode(n.id(), n.agencyId(), n.parentId(), n.kind(), n.code(), n.title(), n.description(), sort,
				n.hidden(), n.emptyExplanation(), n.timeLimitText(), n.timeLimit(), n.entry());
	}

	private static TimeLimitRule validate(NodeDetails d, List<FieldProblem> problems) {
		if (d.title() == null || d.title().isBlank()) {
			problems.add(new FieldProblem("title", "请填写栏目名称"));
		}
		else if (d.title().trim().length() > 200) {
			problems.add(new FieldProblem("title", "栏目名称不能超过200字"));
		}
		if (d.emptyExplanation() != null && d.emptyExplanation().length() > 1000) {
			problems.add(new FieldProblem("emptyExplanation", "说明不能超过1000字"));
		}
		try {
			return TimeLimitRule.parse(d.timeLimitRule());
		}
		catch (RuntimeException e) {
			problems.add(new FieldProblem("timeLimitRule", "公开时限规则格式不正确，例如 WORKING_DAYS:20、ANNUAL:01-31、REALTIME"));
			return null;
		}
	}

	private static String summary(CatalogNode n) {
		return "名称=" + n.title() + "；隐藏=" + n.hidden() + "；时限=" + (n.timeLimit() == null ? "" : n.timeLimit().encode())
				+ "；空栏目说明=" + (n.emptyExplanation() == null ? "" : n.emptyExplanation());
	}

}
