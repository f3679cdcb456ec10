package org.gongkai.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.springframework.http.HttpHeaders;

/**
 * What every public form page (a message, an information request, a comment, an attendance application, a poll
 * answer) does with a refused submission and with its own caching: the problems per field for the inline messages,
 * the error summary in page order, and {@code no-store} for a page that carries a form token or a person's own data.
 * The page side is the fragments of {@code templates/portal/form-parts.html}.
 */
public final class PortalForms {

	private PortalForms() {
	}

	/** The messages per field, for the inline error of each field; two messages of one field are joined. */
	public static Map<String, String> byField(List<FieldProblem> problems) {
		Map<String, String> m = new LinkedHashMap<>();
		for (FieldProblem p : problems) {
			m.merge(p.field(), p.message(), (a, b) -> a.equals(b) ? a : a + "；" + b);
		}
		return m;
	}

	/**
	 * The error summary: each problem once, as {@code field} and {@code message}, in the order the fields stand on the
	 * page ({@code fieldOrder}); fields not listed come last.
	 */
	public static List<Map<String, String>> summary(List<FieldProblem> problems, List<String> fieldOrder) {
		List<FieldProblem> sorted = new ArrayList<>(problems);
		sorted.sort(Comparator.comparingInt(p -> {
			int i = fieldOrder.indexOf(p.field());
			return i < 0 ? fieldOrder.size() : i;
		}));
		List<Map<String, String>> list = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (FieldProblem p : sorted) {
			if (seen.add(p.field() + "\u0000" + p.message())) {
				list.add(Map.of("field", p.field(), "message", p.message()));
			}
		}
		return list;
	}

	/** Marks the answer as not to be stored by the browser or any cache. */
	public static void noStore(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
	}
}
