package org.gongkai.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.gongkai.identity.AccountCommands.NewAccount;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.Actors;
import org.gongkai.platform.RoleGrant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Accounts, the caller's identity and integration tokens over the API. */
@RestController
@Tag(name = "Identity", description = "账号与接口令牌")
class IdentityApiController {

	private final TokenManagement tokens;

	private final AccountManagement accounts;

	private final AgencyDirectory agencies;

	IdentityApiController(TokenManagement tokens, AccountManagement accounts, AgencyDirectory agencies) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.agencies = agencies;
	}

	record TokenRequest(String name, List<String> scopes, Integer validDays) {
	}

	record TokenIssued(long id, String token, String name, List<String> scopes, Instant expiresAt) {
	}

	record TokenView(long id, String name, String prefix, List<String> scopes, String createdBy, Instant createdAt,
			Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
	}

	record Me(String username, String displayName, String agency, List<RoleGrant> grants, List<String> scopes,
			boolean token) {
	}

	record AccountView(long id, String username, String displayName, Long agencyId, boolean enabled,
			List<RoleGrant> grants) {
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "当前调用者（账号或令牌）")
	Me me() {
		Actor a = Actors.require();
		String agency = a.agencyId() == null ? null : agencies.findById(a.agencyId()).map(x -> x.code()).orElse(null);
		return new Me(a.username(), a.displayName(), agency, a.grants(), List.copyOf(a.scopes()), a.token());
	}

	@PostMapping("/api/v1/agencies/{code}/tokens")
	@Operation(summary = "为单位签发接口令牌（令牌仅在此返回一次，只保存其哈希）")
	ResponseEntity<TokenIssued> issue(@PathVariable String code, @RequestBody TokenRequest body) {
		TokenManagement.IssuedToken issued = tokens.issue(code, body.name(), body.scopes(), body.validDays());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id()))
			.body(new TokenIssued(issued.id(), issued.token(), issued.record().name(),
					List.copyOf(issued.record().scopes()), issued.record().expiresAt()));
	}

	@GetMapping("/api/v1/agencies/{code}/tokens")
	@Operation(summary = "单位的接口令牌（不含令牌本身）")
	List<TokenView> list(@PathVariable String code) {
		return tokens.tokensOf(agencies.requireByCode(code).id())
			.stream()
			.map(t -> new TokenView(t.id(), t.name(), t.tokenPrefix(), List.copyOf(t.scopes()), t.createdBy(),
					t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt()))
			.toList();
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@Operation(summary = "撤销接口令牌")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		tokens.revoke(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts")
	@Operation(summary = "新增员工账号")
	ResponseEntity<AccountView> createAccount(@RequestBody NewAccount body) {
		StaffAccount a = accounts.create(body);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + a.id()))
			.body(new AccountView(a.id(), a.username(), a.displayName(), a.agencyId(), a.enabled(), a.grants()));
	}
}
