package org.gongkai.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.platform.StaticSite;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves the generated static site for public GET and HEAD requests, in front of everything else,
 * exactly as nginx does in production ({@code deploy/nginx}). A path with no generated file falls
 * through to the application, which renders the same page with the same renderer.
 */
class StaticSiteFilter extends OncePerRequestFilter {

	private static final String[] DYNAMIC_PREFIXES = { "/console", "/api/", "/login", "/logout", "/v3/", "/swagger-ui",
			"/actuator", "/error", "/assets/" };

	private final StaticSite site;

	StaticSiteFilter(StaticSite site) {
		this.site = site;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return true;
		}
		if (request.getQueryString() != null) {
			return true; // filtered or paged lists are rendered on request
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String prefix : DYNAMIC_PREFIXES) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Optional<Path> file = site.fileFor(path).filter(Files::isRegularFile);
		if (file.isEmpty()) {
			Optional<Path> folderIndex = path.endsWith("/") ? Optional.empty()
					: site.fileFor(path + "/").filter(Files::isRegularFile);
			if (folderIndex.isPresent()) {
				response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
				response.setHeader("Location", request.getContextPath() + path + "/");
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class);
		long modified = attributes.lastModifiedTime().toMillis() / 1000 * 1000;
		String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(modified) + "\"";
		response.setHeader("ETag", etag);
		response.setDateHeader("Last-Modified", modified);
		// revalidate every time (cheap 304s): a published or withdrawn item must show at once
		response.setHeader("Cache-Control", "public, no-cache");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		if (etag.equals(request.getHeader("If-None-Match"))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(contentType(file.get()));
		response.setContentLengthLong(attributes.size());
		if ("HEAD".equals(request.getMethod())) {
			return;
		}
		Files.copy(file.get(), response.getOutputStream());
	}

	static String contentType(Path file) {
		String name = file.getFileName().toString();
		if (name.endsWith(".html")) {
			return "text/html;charset=UTF-8";
		}
		if (name.endsWith(".xml")) {
			return "application/xml;charset=UTF-8";
		}
		if (name.endsWith(".atom")) {
			return "application/atom+xml;charset=UTF-8";
		}
		if (name.endsWith(".css")) {
			return "text/css;charset=UTF-8";
		}
		if (name.endsWith(".js")) {
			return "text/javascript;charset=UTF-8";
		}
		if (name.endsWith(".json")) {
			return "application/json";
		}
		return "application/octet-stream";
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<StaticSiteFilter> staticSiteFilter(StaticSite site) {
			FilterRegistrationBean<StaticSiteFilter> bean = new FilterRegistrationBean<>(new StaticSiteFilter(site));
			bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
			bean.addUrlPatterns("/*");
			return bean;
		}
	}
}
