package org.gongkai.platform.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.gongkai.platform.Actor;
import org.gongkai.platform.ActorHolder;
import org.gongkai.platform.ActorRevalidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session as soon as its account was disabled, locked, given a new password or other
 * roles: the next request is anonymous again (the console asks for a new login, the API answers 401).
 */
class SessionRevalidationFilter extends OncePerRequestFilter {

	private final ObjectProvider<ActorRevalidator> revalidator;

	SessionRevalidationFilter(ObjectProvider<ActorRevalidator> revalidator) {
		this.revalidator = revalidator;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		ActorRevalidator check = revalidator.getIfAvailable();
		if (check != null && session != null && auth != null && auth.getPrincipal() instanceof ActorHolder holder
				&& !holder.actor().token()) {
			Optional<Actor> current = check.revalidate(holder);
			if (current.isEmpty()) {
				SecurityContextHolder.clearContext();
				session.invalidate();
			}
		}
		chain.doFilter(request, response);
	}
}
