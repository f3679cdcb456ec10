package org.gongkai.platform;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one renderer of public pages. It needs no HTTP request, so the same call serves a page on
 * request and writes it to the static site at publish time (architecture.md, static-first portal).
 * Templates rendered here must not depend on the request: links are plain absolute paths.
 */
@Component
public class PageRenderer {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final ITemplateEngine engine;

	private final SiteSettings site;

	PageRenderer(ITemplateEngine engine, SiteSettings site) {
		this.engine = engine;
		this.site = site;
	}

	public String render(String template, Map<String, ?> model) {
		Context context = new Context(CHINESE);
		context.setVariable("site", site);
		model.forEach(context::setVariable);
		return engine.process(template, context);
	}
}
