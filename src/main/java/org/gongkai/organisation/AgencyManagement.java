package org.gongkai.organisation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.gongkai.organisation.AgencyCommands.AgencyDetails;
import org.gongkai.organisation.AgencyCommands.NewAgency;
import org.gongkai.organisation.AgencyCommands.NewContact;
import org.gongkai.organisation.AgencyCommands.OfficeDetails;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the agency tree, the disclosure work body and designated staff. */
@Service
@Transactional
public class AgencyManagement {

	static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\-— 转]{5,30}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Agencies agencies;

	private final AgencyAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AgencyManagement(Agencies agencies, AgencyAccess access, ApplicationEventPublisher events, Clock clock) {
		this.agencies = agencies;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an agency. A root needs a system administrator; a child needs a system administrator or
	 * a supervisor whose grant covers the parent's subtree.
	 */
	public Agency create(NewAgency cmd) {
		Actor actor = Actors.require();
		Agency parent = null;
		String parentCode = Texts.trimToNull(cmd.parentCode());
		if (parentCode != null) {
			parent = agencies.findByCode(parentCode)
				.orElseThrow(() -> InvalidInputException.of("parentCode", "上级单位不存在"));
		}
		if (parent == null) {
			if (!actor.isSystemAdmin()) {
				throw DomainException.forbidden("只有系统管理员可以创建顶级单位");
			}
		}
		else if (!access.allows(actor, parent.id(), Role.SUPERVISOR) || !coversSubtree(actor, parent)) {
			throw DomainException.forbidden("您没有在“" + parent.name() + "”下新增单位的权限");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String code = Texts.trimToNull(cmd.code());
		if (code == null) {
			problems.add(new FieldProblem("code", "请填写单位代码"));
		}
		else if (!CODE.matcher(code).matches()) {
			problems.add(new FieldProblem("code", "单位代码只能使用小写字母、数字和连字符，2至40位，且不能以连字符开头"));
		}
		else if (agencies.findByCode(code).isPresent()) {
			problems.add(new FieldProblem("code", "单位代码“" + code + "”已被使用"));
		}
		if (parent != null && !parent.active()) {
			problems.add(new FieldProblem("parentCode", "上级单位已撤销，不能在其下新增单位"));
		}
		validateDetails(cmd.name(), cmd.level(), cmd.type(), cmd.creditCode(), 0L, parent, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		Agency draft = new Agency(0, code, cmd.name().trim(), Texts.trimToNull(cmd.shortName()), cmd.level(), cmd.type(),
				parent == null ? null : parent.id(), parent == null ? "/" : parent.path(),
				CreditCode.normalise(Texts.trimToNull(cmd.creditCode())), Texts.trimToNull(cmd.functions()),
				cmd.sortOrder() == null ? 0 : cmd.sortOrder(), true, 0, now, now);
		long id = agencies.insert(draft);
		Agency created = agencies.findById(id).orElseThrow();
		events.publishEvent(ChangeRecorded.of(actor, now, id, "agency.created", "Agency", id,
				"新增单位 " + created.name(), null, summary(created)));
		events.publishEvent(new AgencyChanged(id, created.code()));
		return created;
	}

	/** Changes an agency's data; the supervisor over it, or its own administrator, may. */
	public Agency update(long id, AgencyDetails cmd) {
		Agency current = agencies.findById(id).orElseThrow(() -> DomainException.notFound("该单位不存在"));
		Actor actor = access.require(id, Role.SUPERVISOR, Role.AGENCY_ADMIN);
		boolean supervises = actor.isSystemAdmin() || (access.allows(actor, id, Role.SUPERVISOR));
		List<FieldProblem> problems = new ArrayList<>();
		Agency parent = current.parentId() == null ? null : agencies.findById(current.parentId()).orElse(null);
		validateDetails(cmd.name(), cmd.level(), cmd.type(), cmd.creditCode(), id, parent, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!supervises && (cmd.level() != current.level() || cmd.type() != current.type())) {
			throw DomainException.forbidden("单位层级和类型只能由上级政务公开办或系统管理员修改");
		}
		if (cmd.level() != current.level()) {
			for (Agency child : agencies.findChildren(id)) {
				if (child.level().ordinal() < cmd.level().ordinal()) {
					throw InvalidInputException.of("level", "下级单位“" + child.name() + "”的层级高于所选层级");
				}
			}
		}
		if (cmd.version() != null && cmd.version() != current.version()) {
			throw new DomainException("该单位已被他人修改，请刷新后重新编辑");
		}
		Instant now = clock.instant();
		Agency changed = new Agency(id, current.code(), cmd.name().trim(), Texts.trimToNull(cmd.shortName()), cmd.level(),
				cmd.type(), current.parentId(), current.path(), CreditCode.normalise(Texts.trimToNull(cmd.creditCode())),
				Texts.trimToNull(cmd.functions()), cmd.sortOrder() == null ? current.sortOrder() : cmd.sortOrder(),
				current.active(), current.version(), current.createdAt(), now);
		if (!agencies.update(changed)) {
			throw new DomainException("该单位已被他人修改，请刷新后重新编辑");
		}
		Agency saved = agencies.findById(id).orElseThrow();
		events.publishEvent(ChangeRecorded.of(actor, now, id, "agency.updated", "Agency", id,
				"修改单位信息 " + saved.name(), summary(current), summary(saved)));
		events.publishEvent(new AgencyChanged(id, saved.code()));
		return saved;
	}

	/** Marks an agency abolished (机构撤并): it leaves the public directory; its records stay. */
	public Agency deactivate(long id) {
		return setActive(id, false);
	}

	public Agency reactivate(long id) {
		return setActive(id, true);
	}

	private Agency setActive(long id, boolean active) {
		Agency current = agencies.findById(id).orElseThrow(() -> DomainException.notFound("该单位不存在"));
		Actor actor = Actors.require();
		if (current.parentId() == null ? !actor.isSystemAdmin()
				: !(access.allows(actor, current.parentId(), Role.SUPERVISOR) && coversSubtree(actor, current))) {
			throw DomainException.forbidden("只有上级政务公开办或系统管理员可以撤销或恢复单位");
		}
		if (current.active() == active) {
			throw new DomainException(active ? "该单位未被撤销" : "该单位已撤销");
		}
		if (!active && agencies.findChildren(id).stream().anyMatch(Agency::active)) {
			throw new DomainException("请先撤销或调整该单位的下级单位");
		}
		if (active && current.parentId() != null
				&& !agencies.findById(current.parentId()).map(Agency::active).orElse(false)) {
			throw new DomainException("上级单位已撤销，请先恢复上级单位");
		}
		Instant now = clock.instant();
		Agency changed = new Agency(id, current.code(), current.name(), current.shortName(), current.level(),
				current.type(), current.parentId(), current.path(), current.creditCode(), current.functions(),
				current.sortOrder(), active, current.version(), current.createdAt(), now);
		if (!agencies.update(changed)) {
			throw new DomainException("该单位已被他人修改，请刷新后重试");
		}
		events.publishEvent(ChangeRecorded.of(actor, now, id, active ? "agency.reactivated" : "agency.deactivated",
				"Agency", id, (active ? "恢复单位 " : "撤销单位 ") + current.name(), "active=" + !active,
				"active=" + active));
		events.publishEvent(new AgencyChanged(id, current.code()));
		events.publishEvent(new AgencyActivationChanged(id, active));
		return agencies.findById(id).orElseThrow();
	}

	/** Updates the guide data; the guide's update date becomes today. */
	public DisclosureOffice updateOffice(long agencyId, OfficeDetails cmd) {
		Agency agency = agencies.findById(agencyId).orElseThrow(() -> DomainException.notFound("该单位不存在"));
		Actor actor = access.require(agencyId, Role.SUPERVISOR, Role.AGENCY_ADMIN);
		List<FieldProblem> problems = new ArrayList<>();
		checkPhone("phone", cmd.phone(), problems);
		checkPhone("fax", cmd.fax(), problems);
		checkPhone("supervisionPhone", cmd.supervisionPhone(), problems);
		if (Texts.trimToNull(cmd.email()) != null && !EMAIL.matcher(cmd.email().trim()).matches()) {
			problems.add(new FieldProblem("email", "电子邮箱格式不正确"));
		}
		if (Texts.trimToNull(cmd.postcode()) != null && !cmd.postcode().trim().matches("\\d{6}")) {
			problems.add(new FieldProblem("postcode", "邮政编码应为6位数字"));
		}
		if (Texts.trimToNull(cmd.name()) == null) {
			problems.add(new FieldProblem("name", "请填写政府信息公开工作机构名称"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		DisclosureOffice before = agencies.findOffice(agencyId).orElse(DisclosureOffice.empty(agencyId));
		Instant now = clock.instant();
		DisclosureOffice after = new DisclosureOffice(agencyId, Texts.trimToNull(cmd.name()), Texts.trimToNull(cmd.address()),
				Texts.trimToNull(cmd.postcode()), Texts.trimToNull(cmd.officeHours()), Texts.trimToNull(cmd.phone()), Texts.trimToNull(cmd.fax()), Texts.trimToNull(cmd.email()),
				Texts.trimToNull(cmd.website()), Texts.trimToNull(cmd.supervisionPhone()), Texts.trimToNull(cmd.principalName()), Texts.trimToNull(cmd.leaderName()),
				Texts.trimToNull(cmd.leaderTitle()), Texts.trimToNull(cmd.divisionOfWork()), LocalDate.ofInstant(now, Zones.CHINA));
		agencies.saveOffice(after, now);
		events.publishEvent(ChangeRecorded.of(actor, now, agencyId, "agency.office-updated", "DisclosureOffice",
				agencyId, "更新公开工作机构信息 " + agency.name(), officeSummary(before), officeSummary(after)));
		events.publishEvent(new AgencyChanged(agencyId, agency.code()));
		return after;
	}

	public DisclosureContact addContact(long agencyId, NewContact cmd) {
		Agency agency = agencies.findById(agencyId).orElseThrow(() -> DomainException.notFound("该单位不存在"));
		Actor actor = access.require(agencyId, Role.SUPERVISOR, Role.AGENCY_ADMIN);
		List<FieldProblem> problems = new ArrayList<>();
		if (Texts.trimToNull(cmd.name()) == null) {
			problems.add(new FieldProblem("name", "请填写姓名"));
		}
		checkPhone("phone", cmd.phone(), problems);
		if (Texts.trimToNull(cmd.email()) != null && !EMAIL.matcher(cmd.email().trim()).matches()) {
			problems.add(new FieldProblem("email", "电子邮箱格式不正确"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		DisclosureContact draft = new DisclosureContact(0, agencyId, cmd.name().trim(), Texts.trimToNull(cmd.position()),
				Texts.trimToNull(cmd.phone()), Texts.trimToNull(cmd.email()), Texts.trimToNull(cmd.duties()), cmd.sortOrder() == null ? 0 : cmd.sortOrder());
		long id = agencies.insertContact(draft);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "agency.contact-added",
				"DisclosureContact", id, "新增信息公开工作人员 " + draft.name() + "（" + agency.name() + "）", null,
				draft.name() + " " + nullToEmpty(draft.position())));
		events.publishEvent(new AgencyChanged(agencyId, agency.code()));
		return new DisclosureContact(id, agencyId, draft.name(), draft.position(), draft.phone(), draft.email(),
				draft.duties(), draft.sortOrder());
	}

	public void removeContact(long agencyId, long contactId) {
		Agency agency = agencies.findById(agencyId).orElseThrow(() -> DomainException.notFound("该单位不存在"));
		Actor actor = access.require(agencyId, Role.SUPERVISOR, Role.AGENCY_ADMIN);
		DisclosureContact contact = agencies.findContacts(agencyId)
			.stream()
			.filter(c -> c.id() == contactId)
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("该工作人员不存在"));
		agencies.deleteContact(agencyId, contactId);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), agencyId, "agency.contact-removed",
				"DisclosureContact", contactId, "移除信息公开工作人员 " + contact.name() + "（" + agency.name() + "）",
				contact.name() + " " + nullToEmpty(contact.position()), null));
		events.publishEvent(new AgencyChanged(agencyId, agency.code()));
	}

	private void validateDetails(String name, AgencyLevel level, AgencyType type, String creditCode, long selfId,
			Agency parent, List<FieldProblem> problems) {
		if (Texts.trimToNull(name) == null) {
			problems.add(new FieldProblem("name", "请填写单位名称"));
		}
		else if (name.trim().length() > 200) {
			problems.add(new FieldProblem("name", "单位名称不能超过200字"));
		}
		if (level == null) {
			problems.add(new FieldProblem("level", "请选择单位层级"));
		}
		else if (parent != null && level.ordinal() < parent.level().ordinal()) {
			problems.add(new FieldProblem("level", "下级单位的层级不能高于上级单位（" + parent.level().label() + "）"));
		}
		if (type == null) {
			problems.add(new FieldProblem("type", "请选择单位类型"));
		}
		String code = CreditCode.normalise(Texts.trimToNull(creditCode));
		if (code != null) {
			CreditCode.problemWith(code).ifPresent(p -> problems.add(new FieldProblem("creditCode", p)));
			if (CreditCode.isValid(code) && agencies.existsByCreditCode(code, selfId)) {
				problems.add(new FieldProblem("creditCode", "该统一社会信用代码已被其他单位使用"));
			}
		}
		else if (level != null && level != AgencyLevel.VILLAGE) {
			problems.add(new FieldProblem("creditCode", "请填写统一社会信用代码"));
		}
	}

	private boolean coversSubtree(Actor actor, Agency agency) {
		return actor.isSystemAdmin() || actor.grants()
			.stream()
			.anyMatch(g -> g.role() == Role.SUPERVISOR && g.subtree() && g.agencyId() != null
					&& agency.isWithin(g.agencyId()));
	}

	private static void checkPhone(String field, String value, List<FieldProblem> problems) {
		if (Texts.trimToNull(value) != null && !PHONE.matcher(value.trim()).matches()) {
			problems.add(new FieldProblem(field, "电话号码格式不正确"));
		}
	}

	static String summary(Agency a) {
		return "代码=" + a.code() + "；名称=" + a.name() + "；简称=" + nullToEmpty(a.shortName()) + "；层级="
				+ a.level().label() + "；类型=" + a.type().label() + "；统一社会信用代码=" + nullToEmpty(a.creditCode())
				+ "；排序=" + a.sortOrder();
	}

	private static String officeSummary(DisclosureOffice o) {
		return "机构=" + nullToEmpty(o.name()) + "；地址=" + nullToEmpty(o.address()) + "；办公时间="
				+ nullToEmpty(o.officeHours()) + "；电话=" + nullToEmpty(o.phone()) + "；传真=" + nullToEmpty(o.fax())
				+ "；邮箱=" + nullToEmpty(o.email()) + "；监督电话=" + nullToEmpty(o.supervisionPhone()) + "；分管负责人="
				+ nullToEmpty(o.leaderName());
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

}
