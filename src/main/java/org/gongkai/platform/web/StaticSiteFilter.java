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

	/**
	 * Pages up to this size are kept in memory; re-checked against the file after any change this node
	 * made to the site, and at least once a second (changes written by another process).
	 */
	private static final int CACHE_MAX_BYTES = 256 * 1024;

	private static final long RECHECK_NANOS = 1_000_000_000L;

	/** At most this many pages in memory (about 100 MB at typical page sizes). */
	private static final int CACHE_MAX_ENTRIES = 5_000;

	private record Cached(byte[] content, String etag, long modified, String contentType, long checkedAt,
			long siteVersion) {
	}

	private final StaticSite site;

	private final java.util.Map<Path, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

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
		Optional<Path> target = site.fileFor(path);
		Cached page = target.map(this::load).orElse(null);
		if (page == null) {
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
		response.setHeader("ETag", page.etag());
		response.setDateHeader("Last-Modified", page.modified());
		// revalidate every time (cheap 304s): a published or withdrawn item must show at once
		response.setHeader("Cache-Control", "public, no-cache");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		if (page.etag().equals(request.getHeader("If-None-Match"))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(page.contentType());
		if (page.content() != null) {
			response.setContentLength(page.content().length);
			if (!"HEAD".equals(request.getMethod())) {
				response.getOutputStream().write(page.content());
			}
			return;
		}
		response.setContentLengthLong(Files.size(target.get()));
		if (!"HEAD".equals(request.getMethod())) {
			Files.copy(target.get(), response.getOutputStream());
		}
	}

	/** The page at a path: from memory while the file is unchanged; null when there is no such file. */
	private Cached load(Path file) {
		long now = System.nanoTime();
		long siteVersion = site.version();
		Cached cached = cache.get(file);
		if (cached != null && cached.siteVersion() == siteVersion && now - cached.checkedAt() < RECHECK_NANOS) {
			return cached;
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				cache.remove(file);
				return null;
			}
			long modified = attributes.lastModifiedTime().toMillis() / 1000 * 1000;
			String etag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "\"";
			if (cached != null && cached.etag().equals(etag)) {
				cached = new Cached(cached.content(), etag, modified, cached.contentType(), now, siteVersion);
			}
			else {
				byte[] content = attributes.size() <= CACHE_MAX_BYTES ? Files.readAllBytes(file) : null;
				cached = new Cached(content, etag, modified, contentType(file), now, siteVersion);
			}
			if (cache.size() >= CACHE_MAX_ENTRIES) {
				cache.clear(); // bounded memory: start afresh rather than grow without limit
			}
			cache.put(file, cached);
			return cached;
		}
		catch (java.nio.file.NoSuchFileException e) {
			cache.remove(file);
			return null;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
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
		String lower = name.toLowerCase(java.util.Locale.ROOT);
		for (String[] type : new String[][] { { ".pdf", "application/pdf" }, { ".png", "image/png" },
				{ ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" }, { ".gif", "image/gif" },
				{ ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
				{ ".doc", "application/msword" },
				{ ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
				{ ".xls", "application/vnd.ms-excel" } }) {
			if (lower.endsWith(type[0])) {
				return type[1];
			}
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
