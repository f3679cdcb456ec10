package org.gongkai.oversight;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.gongkai.oversight.LinkCheckResults.LinkStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks one link over HTTP: HEAD first, GET when HEAD fails or is refused (many servers answer HEAD with 405 or even
 * 403/404); redirects are followed; connect and request time out. Only 404 and 403 make a link broken; any other
 * failure (5xx, timeouts, unknown hosts) makes it 疑似 (开普云 监测: 「目前只将404,403记为确定不可用链接」). Links without a
 * scheme, or to the site's own address, are internal and resolved against the configured site base URL.
 */
@Component
public class LinkChecker {

	/** The outcome of one check. */
	public record LinkOutcome(LinkStatus status, Integer httpStatus, String detail) {
	}

	private final URI siteBase;

	private final Duration timeout;

	private final HttpClient http;

	LinkChecker(@Value("${gongkai.oversight.site-base-url:https://${gongkai.site.domain:localhost}}") String siteBase,
			@Value("${gongkai.oversight.link-timeout-seconds:10}") int timeoutSeconds) {
		this.siteBase = URI.create(siteBase.endsWith("/") ? siteBase : siteBase + "/");
		this.timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** The absolute address of a link as written in a body; empty for what is not an http(s) link. */
	public Optional<URI> resolve(String url) {
		try {
			String u = url.trim().replace(" ", "%20");
			URI uri = u.startsWith("//") ? URI.create(siteBase.getScheme() + ":" + u) : URI.create(u);
			if (!uri.isAbsolute()) {
				uri = siteBase.resolve(uri);
			}
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return Optional.empty();
			}
			return Optional.of(uri);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** Whether the link points into the site itself. */
	public boolean isInternal(String url, URI resolved) {
		String u = url.trim().toLowerCase(Locale.ROOT);
		boolean relative = !u.startsWith("http:") && !u.startsWith("https:") && !u.startsWith("//");
		return relative || (resolved.getHost() != null && resolved.getHost().equalsIgnoreCase(siteBase.getHost()));
	}

	/** Checks the address: HEAD, then GET when HEAD does not give a success. */
	public LinkOutcome check(URI uri) {
		LinkOutcome head = send(uri, "HEAD");
		if (head.status() == LinkStatus.OK) {
			return head;
		}
		return send(uri, "GET");
	}

	private LinkOutcome send(URI uri, String method) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(timeout)
				.header("User-Agent", "Gongkai-LinkCheck/1.0")
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			return classify(response.statusCode());
		}
		catch (IOException e) {
			return new LinkOutcome(LinkStatus.SUSPECT, null, shorten("无法访问：" + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : " " + e.getMessage())));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new LinkOutcome(LinkStatus.SUSPECT, null, "检查被中断");
		}
		catch (IllegalArgumentException e) {
			return new LinkOutcome(LinkStatus.SUSPECT, null, shorten("地址无效：" + e.getMessage()));
		}
	}

	/** 2xx and 3xx are fine; 404 and 403 are broken; anything else is 疑似. */
	static LinkOutcome classify(int status) {
		if (status >= 200 && status < 400) {
			return new LinkOutcome(LinkStatus.OK, status, null);
		}
		if (status == 404 || status == 403) {
			return new LinkOutcome(LinkStatus.BROKEN, status, status == 404 ? "页面不存在（404）" : "禁止访问（403）");
		}
		return new LinkOutcome(LinkStatus.SUSPECT, status, "HTTP " + status);
	}

	private static String shorten(String s) {
		return s.length() > 480 ? s.substring(0, 480) : s;
	}
}
