package org.gongkai.journeys;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for journeys: optional Basic/Bearer credentials, or a cookie session. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private final String base;

	private final HttpClient client;

	private String authorization;

	Http(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	Http basic(String user, String password) {
		authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	Http bearer(String token) {
		authorization = "Bearer " + token;
		return this;
	}

	record Response(int status, HttpResponse<String> raw) {

		String body() {
			return raw.body();
		}

		JsonNode json() {
			return JSON.readTree(raw.body());
		}

		String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}
	}

	Response get(String path) {
		return send(request(path).GET().build());
	}

	/** A GET whose body is binary (a generated document). */
	java.net.http.HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(request(path).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	Response postJson(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
			.build());
	}

	Response putJson(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)))
			.build());
	}

	Response delete(String path) {
		return send(request(path).DELETE().build());
	}

	/** Posts a form; the CSRF token is taken from the page at {@code formPage} unless {@code csrf} is false. */
	Response postForm(String path, String formPage, Map<String, String> fields, boolean csrf) {
		StringBuilder body = new StringBuilder(fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&")));
		if (csrf) {
			String page = get(formPage).body();
			Matcher m = CSRF.matcher(page);
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token on " + formPage);
			}
			body.append(body.isEmpty() ? "" : "&").append("_csrf=").append(enc(m.group(1) != null ? m.group(1) : m.group(2)));
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	/** Posts a multipart form with one file, as a browser's upload form does; the CSRF token comes from {@code formPage}. */
	Response postFile(String path, String formPage, Map<String, String> fields, String fileName, byte[] content) {
		return postFile(path, formPage, fields, "file", fileName, content);
	}

	/** As above, with the file in the form field {@code fileField}. */
	Response postFile(String path, String formPage, Map<String, String> fields, String fileField, String fileName,
			byte[] content) {
		String page = get(formPage).body();
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + formPage);
		}
		String boundary = "----gongkai" + System.nanoTime();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", m.group(1) != null ? m.group(1) : m.group(2));
		all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v
				+ "\r\n").getBytes(StandardCharsets.UTF_8)));
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build());
	}

	/** Logs in through the form, as a browser does. */
	Response login(String user, String password) {
		return postForm("/login", "/login", Map.of("username", user, "password", password), true);
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		return b;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
	}
}
