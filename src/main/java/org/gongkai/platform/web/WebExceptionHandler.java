package org.gongkai.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.gongkai.platform.DomainException;
import org.gongkai.platform.InvalidInputException;
import org.gongkai.platform.InvalidInputException.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One translation of every failure: RFC 9457 problem JSON under {@code /api/}, a Chinese error page
 * everywhere else. No stack trace reaches anyone; unexpected errors are logged with an id that the
 * page shows.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(WebExceptionHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	Object invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 400, e.getMessage(), e.problems());
	}

	@ExceptionHandler(DomainException.class)
	Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, e.status(), e.getMessage(), List.of());
	}

	@ExceptionHandler(BindException.class)
	Object binding(BindException e, HttpServletRequest request, HttpServletResponse response) {
		List<FieldProblem> problems = e.getFieldErrors()
			.stream()
			.map(f -> new FieldProblem(f.getField(), f.isBindingFailure() ? "格式不正确" : f.getDefaultMessage()))
			.toList();
		String detail = problems.isEmpty() ? "提交的内容有误" : problems.get(0).message();
		return respond(request, response, 400, detail, problems);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
		String field = fieldPath(e.getCause());
		if (field == null) {
			return respond(request, response, 400, "请求内容不是有效的 JSON，或某个字段的格式不正确", List.of());
		}
		return respond(request, response, 400, "字段 " + field + " 的格式不正确",
				List.of(new FieldProblem(field, "格式不正确")));
	}

	/** The JSON path of the field Jackson could not read, as {@code grants[0].role}; null when unknown. */
	private static String fieldPath(Throwable cause) {
		if (!(cause instanceof tools.jackson.core.JacksonException jackson) || jackson.getPath().isEmpty()) {
			return null;
		}
		StringBuilder path = new StringBuilder();
		for (tools.jackson.core.JacksonException.Reference ref : jackson.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException e, HttpServletRequest request,
			HttpServletResponse response) {
		return respond(request, response, 400, "缺少参数 " + e.getParameterName(),
				List.of(new FieldProblem(e.getParameterName(), "必须填写")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 400, "参数 " + e.getName() + " 的格式不正确",
				List.of(new FieldProblem(e.getName(), "格式不正确")));
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 403, "您没有执行该操作的权限", List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 404, "您访问的页面或资源不存在", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
			HttpServletResponse response) {
		return respond(request, response, 405, "该地址不支持 " + e.getMethod() + " 请求", List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 415, "请以 application/json 格式提交", List.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 413, "上传的文件超过大小限制", List.of());
	}

	/** The client went away mid-answer (a closed tab, a load tester stopping): nothing to answer, nothing to log. */
	@ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
	void clientGone() {
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		String id = Long.toString(System.nanoTime(), 36);
		log.error("Unexpected error {} on {} {}", id, request.getMethod(), request.getRequestURI(), e);
		return respond(request, response, 500, "服务器处理请求时出错，请稍后再试（错误编号 " + id + "）", List.of());
	}

	private Object respond(HttpServletRequest request, HttpServletResponse response, int status, String detail,
			List<FieldProblem> problems) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = Problems.of(status, detail, problems);
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ModelAndView page = new ModelAndView("error",
				Map.of("status", status, "title", Problems.title(status), "message", detail, "problems", problems));
		page.setStatus(HttpStatus.valueOf(status));
		return page;
	}
}
