package org.gongkai.platform.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents with Chinese titles. */
final class Problems {

	static final String MEDIA_TYPE = "application/problem+json";

	private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(400, "请求内容有误"),
			Map.entry(401, "需要登录"), Map.entry(403, "没有权限"), Map.entry(404, "未找到"),
			Map.entry(405, "不支持该请求方法"), Map.entry(406, "不支持该响应格式"), Map.entry(409, "当前状态下不能执行该操作"),
			Map.entry(413, "提交的内容过大"), Map.entry(415, "不支持该内容类型"), Map.entry(422, "无法计算"),
			Map.entry(429, "请求过于频繁"), Map.entry(500, "服务器内部错误"), Map.entry(503, "服务暂不可用"));

	private Problems() {
	}

	static String title(int status) {
		return TITLES.getOrDefault(status, status >= 500 ? "服务器内部错误" : "请求未能完成");
	}

	static ProblemDetail of(int status, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setTitle(title(status));
		problem.setType(URI.create("about:blank"));
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors",
					errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return problem;
	}

	/** Writes a problem document directly (used by the security entry points, outside MVC). */
	static void write(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType(MEDIA_TYPE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(title(status)) + "\",\"status\":" + status
				+ ",\"detail\":\"" + escape(detail) + "\"}";
		response.getWriter().write(json);
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
