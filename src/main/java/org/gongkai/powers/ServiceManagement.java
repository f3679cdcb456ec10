package org.gongkai.powers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upkeep of an agency's service lists and service guides: items added, changed and imported by the agency's
 * editors and administrators; a guide saved, published and withdrawn. Only published guides reach the public.
 */
@Service
@Transactional
public class ServiceManagement {

	static final int MAX_NAME = 200;

	static final int MAX_TEXT = 10_000;

	static final int MAX_SHORT = 500;

	/** What an import did. */
	public record ImportResult(int created, int changed, int unchanged) {
	}

	private final ServiceItems items;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ServiceManagement(ServiceItems items, AgencyDirectory agencies, AgencyAccess access, ApplicationEventPublisher events,
			Clock clock) {
		this.items = items;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	public ServiceItem add(long agencyId, ServiceItemDetails input) {
		agencies.requireById(agencyId);
		Actor actor = access.require(agencyId, PowerManagement.KEEPERS);
		ServiceItemDetails d = normalise(input);
		List<FieldProblem> problems = problems(d);
		if (problems.isEmpty() && items.findByName(agencyId, d.kind(), d.name()).isPresent()) {
			problems.add(new FieldProblem("name", "本单位" + d.kind().label() + "中已有“" + d.name() + "”"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ServiceItem item = create(agencyId, actor, d);
		events.publishEvent(new PublicPagesChanged(agencyId));
		return item;
	}

	public ServiceItem change(long id, ServiceItemDetails input) {
		ServiceItem item = items.find(id).orElseThrow(() -> DomainException.notFound("该服务事项不存在"));
		Actor actor = access.require(item.agencyId(), PowerManagement.KEEPERS);
		ServiceItemDetails d = normalise(new ServiceItemDetails(item.kind(), input.name(), input.basis(), input.body(),
				input.feeStandard(), input.chargingUnit(), input.note()));
		List<FieldProblem> problems = problems(d);
		if (problems.isEmpty() && !d.name().equals(item.name())
				&& items.findByName(item.agencyId(), d.kind(), d.name()).isPresent()) {
			problems.add(new FieldProblem("name", "本单位" + d.kind().label() + "中已有“" + d.name() + "”"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ServiceItem after = update(item, actor, d);
		events.publishEvent(new PublicPagesChanged(item.agencyId()));
		return after;
	}

	/** Saves the rows of a list's import, all or nothing; a row of an existing name changes that item. */
	public ImportResult importRows(long agencyId, ServiceKind kind, List<ServiceItemDetails> rows) {
		agencies.requireById(agencyId);
		Actor actor = access.require(agencyId, PowerManagement.KEEPERS);
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> names = new HashSet<>();
		List<ServiceItemDetails> normalised = new ArrayList<>();
		for (ServiceItemDetails row : rows) {
			ServiceItemDetails d = normalise(new ServiceItemDetails(kind, row.name(), row.basis(), row.body(), row.feeStandard(),
					row.chargingUnit(), row.note()));
			problems.addAll(problems(d));
			if (d.name() != null && !names.add(d.name())) {
				problems.add(new FieldProblem("name", "文件中事项名称“" + d.name() + "”重复"));
			}
			normalised.add(d);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int created = 0;
		int changed = 0;
		int unchanged = 0;
		for (ServiceItemDetails d : normalised) {
			Optional<ServiceItem> existing = items.findByName(agencyId, kind, d.name());
			if (existing.isEmpty()) {
				create(agencyId, actor, d);
				created++;
			}
			else if (!details(existing.get()).equals(d)) {
				update(existing.get(), actor, d);
				changed++;
			}
			else {
				unchanged++;
			}
		}
		if (created + changed > 0) {
			events.publishEvent(new PublicPagesChanged(agencyId));
		}
		return new ImportResult(created, changed, unchanged);
	}

	static ServiceItemDetails details(ServiceItem i) {
		return new ServiceItemDetails(i.kind(), i.name(), i.basis(), i.body(), i.feeStandard(), i.chargingUnit(), i.note());
	}

	private ServiceItem create(long agencyId, Actor actor, ServiceItemDetails d) {
		Instant now = clock.instant();
		long id = items.insert(agencyId, d, now);
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "service.added", "ServiceItem", id,
				d.kind().label() + "新增：" + d.name(), null, d.name()));
		events.publishEvent(new PublicServiceChanged(id, agencyId, false));
		return items.find(id).orElseThrow();
	}

	private ServiceItem update(ServiceItem item, Actor actor, ServiceItemDetails d) {
		Instant now = clock.instant();
		items.update(item.id(), d, now);
		events.publishEvent(ChangeRecorded.of(actor, now, item.agencyId(), "service.changed", "ServiceItem", item.id(),
				d.kind().label() + "修改：" + d.name(), item.name(), d.name()));
		events.publishEvent(new PublicServiceChanged(item.id(), item.agencyId(), guidePublished(item.id())));
		return items.find(item.id()).orElseThrow();
	}

	private boolean guidePublished(long itemId) {
		return items.guide(itemId).map(ServiceGuide::published).orElse(false);
	}

	static ServiceItemDetails normalise(ServiceItemDetails d) {
		return new ServiceItemDetails(d.kind(), PowerManagement.text(d.name()), PowerManagement.text(d.basis()),
				PowerManagement.text(d.body()), PowerManagement.text(d.feeStandard()), PowerManagement.text(d.chargingUnit()),
				PowerManagement.text(d.note()));
	}

	/** The problems of an item's fields, by field name, in Chinese; the kind decides which fields are required. */
	static List<FieldProblem> problems(ServiceItemDetails d) {
		List<FieldProblem> p = new ArrayList<>();
		if (d.kind() == null) {
			p.add(new FieldProblem("kind", "请选择清单类别"));
			return p;
		}
		if (d.name() == null) {
			p.add(new FieldProblem("name", "请填写" + (d.kind() == ServiceKind.FEE ? "收费项目名称" : "事项名称")));
		}
		else if (d.name().length() > MAX_NAME) {
			p.add(new FieldProblem("name", "名称不超过" + MAX_NAME + "个字"));
		}
		if (d.basis() == null && d.kind() != ServiceKind.PUBLIC_SERVICE) {
			p.add(new FieldProblem("basis", "请填写" + (d.kind() == ServiceKind.FEE ? "收费依据" : "设定依据")));
		}
		else if (d.basis() != null && d.basis().length() > MAX_TEXT) {
			p.add(new FieldProblem("basis", "依据不超过" + MAX_TEXT + "个字"));
		}
		if (d.kind() == ServiceKind.FEE && d.feeStandard() == null) {
			p.add(new FieldProblem("feeStandard", "请填写收费标准"));
		}
		if (d.kind() == ServiceKind.CERTIFICATION && d.body() == null) {
			p.add(new FieldProblem("body", "请填写开具单位"));
		}
		if (d.body() != null && d.body().length() > MAX_NAME) {
			p.add(new FieldProblem("body", "单位名称不超过" + MAX_NAME + "个字"));
		}
		if (d.feeStandard() != null && d.feeStandard().length() > MAX_SHORT) {
			p.add(new FieldProblem("feeStandard", "收费标准不超过" + MAX_SHORT + "个字"));
		}
		if (d.chargingUnit() != null && d.chargingUnit().length() > 100) {
			p.add(new FieldProblem("chargingUnit", "计费单位不超过100个字"));
		}
		if (d.note() != null && d.note().length() > 1000) {
			p.add(new FieldProblem("note", "备注不超过1000个字"));
		}
		return p;
	}

	// ---- guides -------------------------------------------------------------------------------------------

	/** Saves an item's guide; a published guide stays published with the new content. */
	public ServiceGuide saveGuide(long itemId, ServiceGuideDetails input) {
		ServiceItem item = items.find(itemId).orElseThrow(() -> DomainException.notFound("该服务事项不存在"));
		Actor actor = access.require(item.agencyId(), PowerManagement.KEEPERS);
		if (!item.kind().hasGuide()) {
			throw new DomainException(item.kind().label() + "不编制办事指南");
		}
		ServiceGuideDetails d = new ServiceGuideDetails(PowerManagement.text(input.itemName()),
				PowerManagement.text(input.basis()), PowerManagement.text(input.conditions()),
				PowerManagement.text(input.materials()), PowerManagement.text(input.place()),
				PowerManagement.text(input.handlingBody()), PowerManagement.text(input.fees()),
				PowerManagement.text(input.officeHours()), PowerManagement.text(input.phone()),
				PowerManagement.text(input.process()), PowerManagement.text(input.timeLimit()),
				PowerManagement.text(input.consultation()), PowerManagement.text(input.complaints()));
		List<FieldProblem> problems = new ArrayList<>();
		for (String field : ServiceGuideDetails.KEY_ELEMENTS.keySet()) {
			check(d, field, ServiceGuideDetails.KEY_ELEMENTS.get(field), problems);
		}
		for (String field : ServiceGuideDetails.OPTIONAL_ELEMENTS.keySet()) {
			check(d, field, ServiceGuideDetails.OPTIONAL_ELEMENTS.get(field), problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Optional<ServiceGuide> before = items.guide(itemId);
		Instant now = clock.instant();
		boolean published = before.map(ServiceGuide::published).orElse(false);
		ServiceGuide g = new ServiceGuide(itemId, item.agencyId(), d, published, before.map(ServiceGuide::publishedAt).orElse(null),
				actor.username(), now);
		items.saveGuide(g);
		List<String> missing = d.missing();
		events.publishEvent(ChangeRecorded.of(actor, now, item.agencyId(), "service-guide.saved", "ServiceGuide", itemId,
				"保存办事指南：" + item.name(), before.map(b -> "缺少：" + String.join("、", b.missing())).orElse(null),
				missing.isEmpty() ? "十要素齐全" : "缺少：" + String.join("、", missing)));
		events.publishEvent(new PublicServiceChanged(itemId, item.agencyId(), published));
		return g;
	}

	/** The most characters of each guide element: the sizes of the pw_service_guide columns (V15), else MAX_TEXT. */
	static int maxLength(String field) {
		return switch (field) {
			case "phone" -> 100;
			case "itemName", "handlingBody", "timeLimit" -> 200;
			case "place", "officeHours", "consultation", "complaints" -> 500;
			case "fees" -> 1000;
			default -> MAX_TEXT;
		};
	}

	private static void check(ServiceGuideDetails d, String field, String label, List<FieldProblem> problems) {
		String v = d.element(field);
		int max = maxLength(field);
		if (v != null && v.length() > max) {
			problems.add(new FieldProblem(field, label + "不超过" + max + "个字"));
		}
	}

	/** Publishes or withdraws an item's guide. A guide may be published with elements missing; the console reports them. */
	public ServiceGuide publishGuide(long itemId, boolean publish) {
		ServiceItem item = items.find(itemId).orElseThrow(() -> DomainException.notFound("该服务事项不存在"));
		Actor actor = access.require(item.agencyId(), PowerManagement.KEEPERS);
		ServiceGuide g = items.guide(itemId).orElseThrow(() -> new DomainException("该事项还没有办事指南，请先编制"));
		if (g.published() == publish) {
			throw new DomainException(publish ? "办事指南已经公开" : "办事指南尚未公开");
		}
		Instant now = clock.instant();
		ServiceGuide after = new ServiceGuide(itemId, g.agencyId(), g.details(), publish, publish ? now : g.publishedAt(),
				actor.username(), now);
		items.saveGuide(after);
		events.publishEvent(ChangeRecorded.of(actor, now, item.agencyId(),
				publish ? "service-guide.published" : "service-guide.withdrawn", "ServiceGuide", itemId,
				(publish ? "公开办事指南：" : "撤下办事指南：") + item.name(), g.published() ? "已公开" : "未公开",
				publish ? "已公开" : "未公开"));
		events.publishEvent(new PublicServiceChanged(itemId, item.agencyId(), publish));
		events.publishEvent(new PublicPagesChanged(item.agencyId()));
		return after;
	}
}
