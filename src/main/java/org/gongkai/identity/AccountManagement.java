package org.gongkai.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gongkai.identity.AccountCommands.AccountUpdate;
import org.gongkai.identity.AccountCommands.NewAccount;
import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Texts;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts and what each may grant. A system administrator manages everyone; a supervisor
 * manages accounts in the subtree it supervises (any role but system administrator); an agency
 * administrator manages its own agency's editors, reviewers, approvers, request handlers and message handlers.
 */
@Service
@Transactional
public class AccountManagement {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,49}");

	/** What an agency administrator may grant in its own agency. */
	private static final java.util.Set<Role> ORDINARY_ROLES = java.util.EnumSet.of(Role.EDITOR, Role.REVIEWER, Role.APPROVER,
			Role.REQUEST_HANDLER, Role.MESSAGE_HANDLER);

	private final Accounts accounts;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final PasswordEncoder encoder;

	private final IdentityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountManagement(Accounts accounts, AgencyAccess access, AgencyDirectory agencies, PasswordEncoder encoder,
			IdentityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.access = access;
		this.agencies = agencies;
		this.encoder = encoder;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	public StaffAccount create(NewAccount cmd) {
		Actor actor = Actors.require();
		List<FieldProblem> problems = new ArrayList<>();
		String username = cmd.username() == null ? null : cmd.username().trim();
		if (username == null || !USERNAME.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "用户名须为3至50位字母、数字、点、下划线或连字符，以字母或数字开头"));
		}
		else if (accounts.findByUsername(username).isPresent()) {
			problems.add(new FieldProblem("username", "用户名“" + username + "”已被使用"));
		}
		if (blank(cmd.displayName()) || cmd.displayName().trim().length() > 100) {
			problems.add(new FieldProblem("displayName", "请填写姓名（不超过100字）"));
		}
		contactLengths(cmd.phone(), cmd.email(), problems);
		PasswordPolicy.problemWith(cmd.password(), username, properties.minPasswordLength())
			.ifPresent(p -> problems.add(new FieldProblem("password", p)));
		List<RoleGrant> grants = normalise(cmd.grants(), problems);
		checkAgency(cmd.agencyId(), grants, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requireMayManage(actor, cmd.agencyId(), grants);
		Instant now = clock.instant();
		StaffAccount draft = new StaffAccount(0, username, cmd.displayName().trim(), cmd.agencyId(),
				encoder.encode(cmd.password()), Texts.trimToNull(cmd.phone()), Texts.trimToNull(cmd.email()), true, 0, null, now, null, now,
				grants);
		long id = accounts.insert(draft);
		events.publishEvent(ChangeRecorded.of(actor, now, cmd.agencyId(), "account.created", "StaffAccount", id,
				"新增账号 " + username + "（" + draft.displayName() + "）", null, grantSummary(grants)));
		return accounts.findById(id).orElseThrow();
	}

	public StaffAccount update(long id, AccountUpdate cmd) {
		Actor actor = Actors.require();
		StaffAccount current = requireManageable(actor, id);
		List<FieldProblem> problems = new ArrayList<>();
		if (blank(cmd.displayName()) || cmd.displayName().trim().length() > 100) {
			problems.add(new FieldProblem("displayName", "请填写姓名（不超过100字）"));
		}
		contactLengths(cmd.phone(), cmd.email(), problems);
		List<RoleGrant> grants = normalise(cmd.grants(), problems);
		checkAgency(cmd.agencyId(), grants, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requireMayManage(actor, cmd.agencyId(), grants);
		if (current.id() == actor.accountId() && !cmd.enabled()) {
			throw new DomainException("不能停用自己的账号");
		}
		boolean wasAdmin = current.grants().stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN) && current.enabled();
		boolean staysAdmin = grants.stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN) && cmd.enabled();
		if (wasAdmin && !staysAdmin && accounts.findAll().stream().filter(a -> a.id() != id && a.enabled())
			.noneMatch(a -> a.grants().stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN))) {
			throw new DomainException("这是最后一个可用的系统管理员账号，不能停用或取消其系统管理员角色");
		}
		accounts.updateProfile(id, cmd.displayName().trim(), cmd.agencyId(), Texts.trimToNull(cmd.phone()), Texts.trimToNull(cmd.email()),
				cmd.enabled());
		accounts.replaceGrants(id, grants);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), cmd.agencyId(), "account.updated",
				"StaffAccount", id, "修改账号 " + current.username(),
				grantSummary(current.grants()) + (current.enabled() ? "" : "（停用）"),
				grantSummary(grants) + (cmd.enabled() ? "" : "（停用）")));
		return accounts.findById(id).orElseThrow();
	}

	/** Sets a new random password, shown once to the administrator who reset it. */
	public String resetPassword(long id) {
		Actor actor = Actors.require();
		StaffAccount account = requireManageable(actor, id);
		String password = PasswordPolicy.generate();
		Instant now = clock.instant();
		accounts.updatePassword(id, encoder.encode(password), now);
		events.publishEvent(ChangeRecorded.of(actor, now, account.agencyId(), "account.password-reset",
				"StaffAccount", id, "重置账号 " + account.username() + " 的密码", null, null));
		return password;
	}

	public void unlock(long id) {
		Actor actor = Actors.require();
		StaffAccount account = requireManageable(actor, id);
		accounts.unlock(id);
		events.publishEvent(ChangeRecorded.of(actor, clock.instant(), account.agencyId(), "account.unlocked",
				"StaffAccount", id, "解锁账号 " + account.username(), null, null));
	}

	/** The logged-in staff member changes their own password. */
	public void changeOwnPassword(String currentPassword, String newPassword, String confirmation) {
		Actor actor = Actors.require();
		StaffAccount account = accounts.findById(actor.accountId())
			.orElseThrow(() -> DomainException.forbidden("只有员工账号可以修改密码"));
		List<FieldProblem> problems = new ArrayList<>();
		if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
			problems.add(new FieldProblem("currentPassword", "当前密码不正确"));
		}
		PasswordPolicy.problemWith(newPassword, account.username(), properties.minPasswordLength())
			.ifPresent(p -> problems.add(new FieldProblem("newPassword", p)));
		if (newPassword != null && !newPassword.equals(confirmation)) {
			problems.add(new FieldProblem("confirmation", "两次输入的新密码不一致"));
		}
		if (newPassword != null && currentPassword != null && newPassword.equals(currentPassword)) {
			problems.add(new FieldProblem("newPassword", "新密码不能与当前密码相同"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		accounts.updatePassword(account.id(), encoder.encode(newPassword), now);
		events.publishEvent(ChangeRecorded.of(actor, now, account.agencyId(), "account.password-changed",
				"StaffAccount", account.id(), account.username() + " 修改了自己的密码", null, null));
	}

	/** Accounts the current actor may see and manage. */
	@Transactional(readOnly = true)
	public List<StaffAccount> manageableAccounts() {
		Actor actor = Actors.require();
		return accounts.findAll().stream().filter(a -> mayManage(actor, a)).toList();
	}

	@Transactional(readOnly = true)
	public StaffAccount requireManageable(long id) {
		return requireManageable(Actors.require(), id);
	}

	/** Creates the first-start system administrator; only when there is no account at all. */
	StaffAccount createInitialAdmin(String password) {
		if (accounts.count() > 0) {
			throw new IllegalStateException("accounts already exist");
		}
		Instant now = clock.instant();
		StaffAccount admin = new StaffAccount(0, "admin", "系统管理员", null, encoder.encode(password), null, null, true, 0,
				null, now, null, now, List.of(new RoleGrant(Role.SYSTEM_ADMIN, null, true)));
		long id = accounts.insert(admin);
		events.publishEvent(ChangeRecorded.of(Actor.system(), now, null, "account.created", "StaffAccount", id,
				"首次启动创建系统管理员账号 admin", null, "系统管理员"));
		return accounts.findById(id).orElseThrow();
	}

	boolean hasAccounts() {
		return accounts.count() > 0;
	}

	private StaffAccount requireManageable(Actor actor, long id) {
		StaffAccount account = accounts.findById(id).orElseThrow(() -> DomainException.notFound("该账号不存在"));
		if (!mayManage(actor, account)) {
			throw DomainException.forbidden("您没有管理该账号的权限");
		}
		return account;
	}

	private boolean mayManage(Actor actor, StaffAccount account) {
		if (actor.isSystemAdmin()) {
			return true;
		}
		if (account.grants().stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN) || account.agencyId() == null) {
			return false;
		}
		if (account.id() == actor.accountId()) {
			return false;
		}
		// nobody manages a peer: supervisors do not manage supervisors, agency administrators no administrators
		boolean peerOrAbove = account.grants().stream().anyMatch(g -> g.role() == Role.SUPERVISOR
				|| (g.role() == Role.AGENCY_ADMIN && !supervisesSubtree(actor, account.agencyId())));
		if (peerOrAbove) {
			return false;
		}
		return mayGrantAll(actor, account.agencyId(), account.grants());
	}

	private void requireMayManage(Actor actor, Long agencyId, List<RoleGrant> grants) {
		if (actor.isSystemAdmin()) {
			return;
		}
		if (agencyId == null || !mayGrantAll(actor, agencyId, grants)) {
			throw DomainException.forbidden("您没有在该单位设置这些角色的权限");
		}
	}

	private boolean mayGrantAll(Actor actor, long homeAgency, List<RoleGrant> grants) {
		boolean supervisesHome = supervisesSubtree(actor, homeAgency);
		boolean adminsHome = access.allows(actor, homeAgency, Role.AGENCY_ADMIN);
		if (!supervisesHome && !adminsHome) {
			return false;
		}
		for (RoleGrant g : grants) {
			if (g.role() == Role.SYSTEM_ADMIN) {
				return false;
			}
			boolean bySupervisor = g.role() != Role.SUPERVISOR && supervisesSubtree(actor, g.agencyId());
			boolean byAgencyAdmin = !g.subtree() && ORDINARY_ROLES.contains(g.role())
					&& access.allows(actor, g.agencyId(), Role.AGENCY_ADMIN);
			if (!bySupervisor && !byAgencyAdmin) {
				return false;
			}
		}
		return true;
	}

	private boolean supervisesSubtree(Actor actor, long agencyId) {
		Agency agency = agencies.findById(agencyId).orElse(null);
		return agency != null && actor.grants()
			.stream()
			.anyMatch(g -> g.role() == Role.SUPERVISOR && g.subtree() && g.agencyId() != null
					&& agency.isWithin(g.agencyId()));
	}

	private List<RoleGrant> normalise(List<RoleGrant> grants, List<FieldProblem> problems) {
		if (grants == null || grants.isEmpty()) {
			problems.add(new FieldProblem("grants", "请至少选择一个角色"));
			return List.of();
		}
		List<RoleGrant> out = new ArrayList<>();
		for (RoleGrant g : grants) {
			if (g.role() == null) {
				problems.add(new FieldProblem("grants", "角色不能为空"));
				continue;
			}
			if (g.role() == Role.SYSTEM_ADMIN) {
				out.add(new RoleGrant(Role.SYSTEM_ADMIN, null, true));
				continue;
			}
			if (g.agencyId() == null || agencies.findById(g.agencyId()).isEmpty()) {
				problems.add(new FieldProblem("grants", "角色“" + g.role().label() + "”须指定所属单位"));
				continue;
			}
			boolean subtree = g.role() == Role.SUPERVISOR || g.subtree();
			RoleGrant normalised = new RoleGrant(g.role(), g.agencyId(), subtree);
			if (!out.contains(normalised)) {
				out.add(normalised);
			}
		}
		return out;
	}

	private void checkAgency(Long agencyId, List<RoleGrant> grants, List<FieldProblem> problems) {
		boolean onlySystemAdmin = !grants.isEmpty() && grants.stream().allMatch(g -> g.role() == Role.SYSTEM_ADMIN);
		if (agencyId == null) {
			if (!onlySystemAdmin) {
				problems.add(new FieldProblem("agencyId", "请选择账号所属单位"));
			}
			return;
		}
		if (agencies.findById(agencyId).filter(Agency::active).isEmpty()) {
			problems.add(new FieldProblem("agencyId", "所属单位不存在或已撤销"));
		}
	}

	private String grantSummary(List<RoleGrant> grants) {
		return grants.stream().map(g -> {
			String where = g.agencyId() == null ? "全平台"
					: agencies.findById(g.agencyId()).map(Agency::name).orElse("#" + g.agencyId());
			return g.role().label() + "@" + where + (g.subtree() && g.agencyId() != null ? "（含下级）" : "");
		}).collect(Collectors.joining("，"));
	}

	private static void contactLengths(String phone, String email, List<FieldProblem> problems) {
		if (phone != null && phone.trim().length() > 50) {
			problems.add(new FieldProblem("phone", "电话不能超过50字"));
		}
		if (email != null && email.trim().length() > 200) {
			problems.add(new FieldProblem("email", "电子邮箱不能超过200字"));
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
