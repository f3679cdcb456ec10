package org.gongkai.powers;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.organisation.AgencyLevel;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.PublicPagesChanged;
import org.gongkai.platform.Role;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The upkeep of the power and responsibility list (权责清单动态调整): adding, adjusting and removing items, each a new
 * version with its reason and effective date, the import of a whole list in one transaction, and the power types. The
 * agency's editors and administrators keep its list; a supervisor or the system administrator keeps the types.
 */
@Service
@Transactional
public class PowerManagement {

	/** Who keeps an agency's list. */
	static final Role[] KEEPERS = { Role.EDITOR, Role.AGENCY_ADMIN };

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	static final Pattern PHONE = Pattern.compile("[0-9０-９()（）+\\-－—、, ，/转 ]{3,40}");

	static final Pattern TYPE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	static final int MAX_NAME = 200;

	static final int MAX_TEXT = 10_000;

	static final int MAX_REASON = 1000;

	/** What an import did. */
	public record ImportResult(int created, int adjusted, int unchanged) {
	}

	private final PowerItems items;

	private final AgencyDirectory agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PowerManagement(PowerItems items, AgencyDirectory agencies, AgencyAccess access, ApplicationEventPublisher events,
			Clock clock) {
		this.items = items;
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	// ---- items --------------------------------------------------------------------------------------------

	/** Adds an item to the agency's list (新增), as version 1. */
	public PowerItem add(long agencyId, PowerDetails input, String reason, LocalDate effectiveOn) {
		Agency agency = agencies.requireById(agencyId);
		Actor actor = access.require(agencyId, KEEPERS);
		PowerDetails d = normalise(input, agency);
		List<FieldProblem> problems = new ArrayList<>(problems(d));
		String why = reasonProblems(reason, problems);
		if (d.code() != null && problems.stream().noneMatch(p -> p.field().equals("code"))
				&& items.findByCode(agencyId, d.code()).isPresent()) {
			problems.add(new FieldProblem("code", "本单位清单中已有编码为“" + d.code() + "”的事项，请调整该事项"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PowerItem item = create(agency, actor, d, why, effective(effectiveOn));
		events.publishEvent(new PublicPagesChanged(agencyId));
		return item;
	}

	/** Adjusts an item (调整): its fields change and a new version records the reason and date. */
	public PowerItem adjust(long id, PowerDetails input, String reason, LocalDate effectiveOn) {
		PowerItem item = items.find(id).orElseThrow(() -> DomainException.notFound("该权责清单事项不存在"));
		Actor actor = access.require(item.agencyId(), KEEPERS);
		if (!item.current()) {
			throw new DomainException("该事项已取消，不能调整");
		}
		Agency agency = agencies.requireById(item.agencyId());
		PowerDetails d = normalise(input, agency, item.details().level());
		List<FieldProblem> problems = new ArrayList<>(problems(d));
		String why = reasonProblems(reason, problems);
		if (d.code() != null && !d.code().equals(item.code())
				&& items.findByCode(item.agencyId(), d.code()).isPresent()) {
			problems.add(new FieldProblem("code", "本单位清单中已有编码为“" + d.code() + "”的事项"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (d.sameAs(item.details())) {
			throw new DomainException("事项内容没有变化，无需调整");
		}
		PowerItem after = change(item, actor, d, PowerStatus.CURRENT, PowerChangeKind.ADJUSTED, why, effective(effectiveOn));
		events.publishEvent(new PublicPagesChanged(item.agencyId()));
		return after;
	}

	/** Removes an item from the current list (取消); its history stays public. */
	public PowerItem remove(long id, String reason, LocalDate effectiveOn) {
		PowerItem item = items.find(id).orElseThrow(() -> DomainException.notFound("该权责清单事项不存在"));
		Actor actor = access.require(item.agencyId(), KEEPERS);
		List<FieldProblem> problems = new ArrayList<>();
		String why = reasonProblems(reason, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!item.current()) {
			throw new DomainException("该事项已经取消");
		}
		PowerItem after = change(item, actor, item.details(), PowerStatus.REMOVED, PowerChangeKind.REMOVED, why,
				effective(effectiveOn));
		events.publishEvent(new PublicPagesChanged(item.agencyId()));
		return after;
	}

	/**
	 * Saves the valid rows of an import, all or nothing: a row whose code is new adds an item, a row of an existing
	 * item adjusts it when anything differs (a removed item is added again). The rows were validated by the caller;
	 * they are checked again here and any problem saves nothing.
	 */
	public ImportResult importRows(long agencyId, List<PowerDetails> rows, String reason, LocalDate effectiveOn) {
		Agency agency = agencies.requireById(agencyId);
		Actor actor = access.require(agencyId, KEEPERS);
		List<FieldProblem> problems = new ArrayList<>();
		String why = reasonProblems(reason, problems);
		Set<String> codes = new HashSet<>();
		List<PowerDetails> normalised = new ArrayList<>();
		for (PowerDetails row : rows) {
			String code = text(row.code());
			AgencyLevel kept = code == null ? null
					: items.findByCode(agencyId, code).map(i -> i.details().level()).orElse(null);
			PowerDetails d = normalise(row, agency, kept);
			problems.addAll(problems(d));
			if (d.code() != null && !codes.add(d.code())) {
				problems.add(new FieldProblem("code", "文件中事项编码“" + d.code() + "”重复"));
			}
			normalised.add(d);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LocalDate on = effective(effectiveOn);
		int created = 0;
		int adjusted = 0;
		int unchanged = 0;
		for (PowerDetails d : normalised) {
			Optional<PowerItem> existing = items.findByCode(agencyId, d.code());
			if (existing.isEmpty()) {
				create(agency, actor, d, why, on);
				created++;
			}
			else if (!existing.get().current()) {
				change(existing.get(), actor, d, PowerStatus.CURRENT, PowerChangeKind.ADDED, why, on);
				created++;
			}
			else if (!d.sameAs(existing.get().details())) {
				change(existing.get(), actor, d, PowerStatus.CURRENT, PowerChangeKind.ADJUSTED, why, on);
				adjusted++;
			}
			else {
				unchanged++;
			}
		}
		if (created + adjusted > 0) {
			events.publishEvent(new PublicPagesChanged(agencyId));
		}
		return new ImportResult(created, adjusted, unchanged);
	}

	private PowerItem create(Agency agency, Actor actor, PowerDetails d, String reason, LocalDate on) {
		Instant now = clock.instant();
		long id = items.insert(agency.id(), d, now);
		items.insertVersion(new PowerVersion(0, id, agency.id(), 1, PowerChangeKind.ADDED, reason, on, d, actor.username(), now));
		events.publishEvent(ChangeRecorded.of(actor, now, agency.id(), "power.added", "PowerItem", id,
				"权责清单新增事项：" + d.name() + "（" + d.code() + "）", null, describe(d)));
		events.publishEvent(new PublicPowerChanged(id, agency.id(), true));
		return items.find(id).orElseThrow();
	}

	private PowerItem change(PowerItem item, Actor actor, PowerDetails d, PowerStatus status, PowerChangeKind kind,
			String reason, LocalDate on) {
		Instant now = clock.instant();
		int next = item.currentVersion() + 1;
		items.update(item.id(), d, status, next, now);
		items.insertVersion(new PowerVersion(0, item.id(), item.agencyId(), next, kind, reason, on, d, actor.username(), now));
		events.publishEvent(ChangeRecorded.of(actor, now, item.agencyId(), "power." + kind.name().toLowerCase(), "PowerItem",
				item.id(), "权责清单" + kind.label() + "事项：" + d.name() + "（" + d.code() + "），理由：" + reason,
				describe(item.details()), status == PowerStatus.REMOVED ? null : describe(d)));
		events.publishEvent(new PublicPowerChanged(item.id(), item.agencyId(), status == PowerStatus.CURRENT));
		return items.find(item.id()).orElseThrow();
	}

	private static String describe(PowerDetails d) {
		String s = d.code() + " " + d.name() + "，类型 " + d.typeCode() + "，依据：" + d.basis();
		return s.length() > 500 ? s.substring(0, 500) + "……" : s;
	}

	private LocalDate effective(LocalDate on) {
		return on != null ? on : LocalDate.now(clock.withZone(Zones.CHINA));
	}

	private static String reasonProblems(String reason, List<FieldProblem> problems) {
		String why = Texts.trimToNull(reason);
		if (why == null) {
			problems.add(new FieldProblem("reason", "请填写调整理由（如：依据某法规修订新增、机构职能调整等）"));
		}
		else if (why.length() > MAX_REASON) {
			problems.add(new FieldProblem("reason", "调整理由不超过" + MAX_REASON + "个字"));
		}
		return why;
	}

	/** Trims every field, unifies line breaks and puts the agency's level and name where none was given. */
	static PowerDetails normalise(PowerDetails d, Agency agency) {
		return normalise(d, agency, null);
	}

	/**
	 * As {@link #normalise(PowerDetails, Agency)}, but where no level was given the item keeps {@code kept} (its
	 * current level, when it exists), so a form or a spreadsheet without a level column does not reset it.
	 */
	static PowerDetails normalise(PowerDetails d, Agency agency, AgencyLevel kept) {
		String body = text(d.implementingBody());
		AgencyLevel level = d.level() != null ? d.level() : kept != null ? kept : agency.level();
		return new PowerDetails(text(d.code()), text(d.name()), text(d.typeCode()), text(d.basis()),
				level, body != null ? body : agency.name(), text(d.handlingUnit()),
				text(d.responsibilities()), text(d.accountability()), text(d.supervisionPhone()));
	}

	static String text(String s) {
		if (s == null) {
			return null;
		}
		return Texts.trimToNull(s.replace("\r\n", "\n").replace('\r', '\n'));
	}

	/** The problems of an item's fields, by field name (code, name, typeCode, …), in Chinese. */
	List<FieldProblem> problems(PowerDetails d) {
		List<FieldProblem> p = new ArrayList<>();
		if (d.code() == null) {
			p.add(new FieldProblem("code", "请填写事项编码"));
		}
		else if (!CODE.matcher(d.code()).matches()) {
			p.add(new FieldProblem("code", "事项编码只能由字母、数字、点、连字符和下划线组成，不超过64个字符"));
		}
		if (d.name() == null) {
			p.add(new FieldProblem("name", "请填写事项名称"));
		}
		else if (d.name().length() > MAX_NAME) {
			p.add(new FieldProblem("name", "事项名称不超过" + MAX_NAME + "个字"));
		}
		if (d.typeCode() == null) {
			p.add(new FieldProblem("typeCode", "请选择事项类型"));
		}
		else if (items.type(d.typeCode()).filter(PowerType::active).isEmpty()) {
			p.add(new FieldProblem("typeCode", "未知或已停用的事项类型“" + d.typeCode() + "”"));
		}
		if (d.basis() == null) {
			p.add(new FieldProblem("basis", "请填写设定依据"));
		}
		else if (d.basis().length() > MAX_TEXT) {
			p.add(new FieldProblem("basis", "设定依据不超过" + MAX_TEXT + "个字"));
		}
		if (d.implementingBody() != null && d.implementingBody().length() > MAX_NAME) {
			p.add(new FieldProblem("implementingBody", "实施主体不超过" + MAX_NAME + "个字"));
		}
		if (d.handlingUnit() != null && d.handlingUnit().length() > MAX_NAME) {
			p.add(new FieldProblem("handlingUnit", "承办机构不超过" + MAX_NAME + "个字"));
		}
		if (d.responsibilities() != null && d.responsibilities().length() > MAX_TEXT) {
			p.add(new FieldProblem("responsibilities", "责任事项不超过" + MAX_TEXT + "个字"));
		}
		if (d.accountability() != null && d.accountability().length() > MAX_TEXT) {
			p.add(new FieldProblem("accountability", "追责情形不超过" + MAX_TEXT + "个字"));
		}
		if (d.supervisionPhone() != null && !PHONE.matcher(d.supervisionPhone()).matches()) {
			p.add(new FieldProblem("supervisionPhone", "监督电话应为3至40位的电话号码"));
		}
		return p;
	}

	// ---- types --------------------------------------------------------------------------------------------

	/** Adds a power type (a supervisor or the system administrator). */
	public PowerType addType(String code, String name, Integer sortOrder) {
		Actor actor = requireTypeKeeper();
		String c = Texts.trimToNull(code);
		String n = Texts.trimToNull(name);
		List<FieldProblem> problems = new ArrayList<>();
		if (c == null || !TYPE_CODE.matcher(c).matches()) {
			problems.add(new FieldProblem("code", "类型代码应为大写字母开头的大写字母、数字或下划线，2至40个字符"));
		}
		else if (items.type(c).isPresent()) {
			problems.add(new FieldProblem("code", "已有代码为“" + c + "”的类型"));
		}
		nameProblems(n, null, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int sort = sortOrder != null ? sortOrder : items.types().stream().mapToInt(PowerType::sortOrder).max().orElse(0) + 10;
		PowerType t = new PowerType(c, n, sort, true);
		items.insertType(t);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), null, "power-type.added", "PowerType", c, "新增事项类型：" + n,
				null, n));
		return t;
	}

	/** Renames a type, moves it, or (de)activates it; items of a deactivated type keep it. */
	public PowerType changeType(String code, String name, Integer sortOrder, boolean active) {
		Actor actor = requireTypeKeeper();
		PowerType before = items.type(code).orElseThrow(() -> DomainException.notFound("该事项类型不存在"));
		String n = Texts.trimToNull(name);
		List<FieldProblem> problems = new ArrayList<>();
		nameProblems(n, before.code(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PowerType after = new PowerType(before.code(), n, sortOrder != null ? sortOrder : before.sortOrder(), active);
		items.updateType(after);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), null, "power-type.changed", "PowerType", code,
				"修改事项类型：" + n, before.name() + (before.active() ? "" : "（停用）"), n + (active ? "" : "（停用）")));
		return after;
	}

	private void nameProblems(String n, String ownCode, List<FieldProblem> problems) {
		if (n == null || n.length() > 40) {
			problems.add(new FieldProblem("name", "请填写类型名称（不超过40个字）"));
		}
		else if (items.types().stream().anyMatch(t -> t.name().equals(n) && !t.code().equals(ownCode))) {
			problems.add(new FieldProblem("name", "已有名称为“" + n + "”的类型"));
		}
	}

	private Actor requireTypeKeeper() {
		Actor actor = Actors.require();
		if (!mayKeepTypes(actor)) {
			throw DomainException.forbidden("只有系统管理员或本级政务公开办可以维护事项类型");
		}
		return actor;
	}

	/**
	 * Whether the actor may keep the site-wide power types: the system administrator, or a supervisor whose grant
	 * covers the subtree of a root agency (one without a parent). A supervisor of a department or a lower government
	 * may not.
	 */
	boolean mayKeepTypes(Actor actor) {
		if (actor.isSystemAdmin()) {
			return true;
		}
		return actor.grants()
			.stream()
			.anyMatch(g -> g.role() == Role.SUPERVISOR && g.subtree() && g.agencyId() != null
					&& agencies.findById(g.agencyId()).map(a -> a.parentId() == null).orElse(false));
	}
}
