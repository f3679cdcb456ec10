package org.gongkai.identity;

import java.util.ArrayList;
import java.util.List;

import org.gongkai.platform.Role;
import org.gongkai.platform.RoleGrant;

/** The console's account form: roles held for one scope agency, optionally with its subtree. */
class AccountForm {

	private String username;

	private String displayName;

	private String password;

	private String phone;

	private String email;

	private Long agencyId;

	private Long scopeAgencyId;

	private boolean subtree;

	private boolean enabled = true;

	private List<Role> roles = new ArrayList<>();

	static AccountForm of(StaffAccount a) {
		AccountForm f = new AccountForm();
		f.username = a.username();
		f.displayName = a.displayName();
		f.phone = a.phone();
		f.email = a.email();
		f.agencyId = a.agencyId();
		f.enabled = a.enabled();
		a.grants().forEach(g -> f.roles.add(g.role()));
		a.grants().stream().filter(g -> g.agencyId() != null).findFirst().ifPresent(g -> {
			f.scopeAgencyId = g.agencyId();
			f.subtree = g.subtree() && g.role() != Role.SUPERVISOR;
		});
		return f;
	}

	List<RoleGrant> grants() {
		Long scope = scopeAgencyId != null ? scopeAgencyId : agencyId;
		return roles.stream().distinct().map(r -> new RoleGrant(r, r == Role.SYSTEM_ADMIN ? null : scope, subtree)).toList();
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Long getAgencyId() {
		return agencyId;
	}

	public void setAgencyId(Long agencyId) {
		this.agencyId = agencyId;
	}

	public Long getScopeAgencyId() {
		return scopeAgencyId;
	}

	public void setScopeAgencyId(Long scopeAgencyId) {
		this.scopeAgencyId = scopeAgencyId;
	}

	public boolean isSubtree() {
		return subtree;
	}

	public void setSubtree(boolean subtree) {
		this.subtree = subtree;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public List<Role> getRoles() {
		return roles;
	}

	public void setRoles(List<Role> roles) {
		this.roles = roles == null ? new ArrayList<>() : roles;
	}
}
