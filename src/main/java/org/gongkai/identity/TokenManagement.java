package org.gongkai.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongkai.organisation.Agency;
import org.gongkai.organisation.AgencyAccess;
import org.gongkai.organisation.AgencyDirectory;
import org.gongkai.platform.Actor;
import org.gongkai.platform.BearerTokenAuthenticator;
import org.gongkai.platform.ChangeRecorded;
import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.gongkai.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration tokens: issued per agency by its administrator (or a system administrator), shown
 * once, stored as a SHA-256 hash, revocable; and resolved to an {@link Actor} on each API call.
 */
@Service
@Transactional
public class TokenManagement implements BearerTokenAuthenticator {

	private static final String PREFIX = "gk_";

	private final ApiTokens tokens;

	private final AgencyAccess access;

	private final AgencyDirectory agencies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	TokenManagement(ApiTokens tokens, AgencyAccess access, AgencyDirectory agencies, ApplicationEventPublisher events,
			Clock clock) {
		this.tokens = tokens;
		this.access = access;
		this.agencies = agencies;
		this.events = events;
		this.clock = clock;
	}

	/** A newly issued token: the secret is returned here once and never again. */
	public record IssuedToken(long id, String token, ApiToken record) {
	}

	public IssuedToken issue(String agencyCode, String name, List<String> scopes, Integer validDays) {
		Agency agency = agencies.requireByCode(agencyCode);
		Actor actor = access.require(agency.id(), Role.AGENCY_ADMIN);
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank()) {
			problems.add(new FieldProblem("name", "请填写令牌名称（如“OA系统”）"));
		}
		else if (name.trim().length() > 90) {
			problems.add(new FieldProblem("name", "令牌名称不能超过90字"));
		}
		Set<String> granted = new LinkedHashSet<>();
		if (scopes == null || scopes.isEmpty()) {
			problems.add(new FieldProblem("scopes", "请至少选择一项用途"));
		}
		else {
			for (String s : scopes) {
				if (TokenScope.of(s).isEmpty()) {
					problems.add(new FieldProblem("scopes", "未知的令牌用途“" + s + "”"));
				}
				granted.add(s);
			}
		}
		if (validDays != null && (validDays < 1 || validDays > 3650)) {
			problems.add(new FieldProblem("validDays", "有效期应为1至3650天"));
		}
		if (!agency.active()) {
			problems.add(new FieldProblem("agency", "该单位已撤销，不能签发令牌"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String raw = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		ApiToken draft = new ApiToken(0, agency.id(), name.trim(), raw.substring(0, 10), granted, actor.username(), now,
				validDays == null ? null : now.plus(Duration.ofDays(validDays)), null, null, null);
		long id = tokens.insert(draft, hash(raw));
		events.publishEvent(ChangeRecorded.of(actor, now, agency.id(), "token.issued", "ApiToken", id,
				"为 " + agency.name() + " 签发接口令牌“" + draft.name() + "”", null, "用途=" + String.join(",", granted)));
		return new IssuedToken(id, raw, tokens.findById(id).orElseThrow());
	}

	public void revoke(long id) {
		ApiToken token = tokens.findById(id).orElseThrow(() -> DomainException.notFound("该令牌不存在"));
		Actor actor = access.require(token.agencyId(), Role.AGENCY_ADMIN);
		if (token.revokedAt() != null) {
			throw new DomainException("该令牌已撤销");
		}
		Instant now = clock.instant();
		tokens.revoke(id, actor.username(), now);
		events.publishEvent(ChangeRecorded.of(actor, now, token.agencyId(), "token.revoked", "ApiToken", id,
				"撤销接口令牌“" + token.name() + "”", "有效", "已撤销"));
	}

	@Transactional(readOnly = true)
	public List<ApiToken> tokensOf(long agencyId) {
		access.require(agencyId, Role.AGENCY_ADMIN);
		return tokens.findByAgency(agencyId);
	}

	@Override
	public Optional<Actor> authenticate(String rawToken) {
		if (rawToken == null || !rawToken.startsWith(PREFIX) || rawToken.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<ApiToken> token = tokens.findByHash(hash(rawToken))
			.filter(t -> t.usableAt(now))
			.filter(t -> agencies.findById(t.agencyId()).map(org.gongkai.organisation.Agency::active).orElse(false));
		token.ifPresent(t -> {
			if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
				tokens.touch(t.id(), now);
			}
		});
		return token.map(t -> new Actor(t.id(), "token:" + t.name(), t.name(), t.agencyId(), List.of(), t.scopes(),
				true));
	}

	static String hash(String raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
