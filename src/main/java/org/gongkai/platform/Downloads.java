package org.gongkai.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Headers of file downloads. */
public final class Downloads {

	private Downloads() {
	}

	/**
	 * The Content-Disposition of a download (RFC 6266): {@code asciiName} (anything but letters, digits, dot, dash
	 * and underscore replaced by {@code _}) for old clients, and the real, usually Chinese, file name as RFC 5987
	 * {@code filename*}.
	 */
	public static String attachment(String asciiName, String fileName) {
		String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
		return "attachment; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
				+ encoded;
	}
}
