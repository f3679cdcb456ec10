package org.gongkai.platform.web;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.BearerTokenAuthenticator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer …} integration tokens on the API. */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final ObjectProvider<BearerTokenAuthenticator> authenticator;

	BearerTokenFilter(ObjectProvider<BearerTokenAuthenticator> authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			chain.doFilter(request, response);
			return;
		}
		String raw = header.substring(PREFIX.length()).trim();
		BearerTokenAuthenticator tokens = authenticator.getIfAvailable();
		Optional<Actor> actor = tokens == null ? Optional.empty() : tokens.authenticate(raw);
		if (actor.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			Problems.write(response, 401, "令牌无效、已撤销或已过期");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new TokenAuthentication(actor.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static final class TokenAuthentication extends AbstractAuthenticationToken {

		private final TokenPrincipal principal;

		TokenAuthentication(Actor actor) {
			super(authorities(actor));
			this.principal = new TokenPrincipal(actor);
			setAuthenticated(true);
		}

		private static Collection<GrantedAuthority> authorities(Actor actor) {
			List<GrantedAuthority> list = new java.util.ArrayList<>();
			actor.scopes().forEach(s -> list.add(new SimpleGrantedAuthority("SCOPE_" + s)));
			return list;
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return principal;
		}
	}

	record TokenPrincipal(Actor actor) implements ActorHolder, java.io.Serializable {

		@Override
		public String toString() {
			return actor.username();
		}
	}
}
