package org.gongkai.platform.web;

import org.gongkai.platform.SiteSettings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every server-rendered view can read the site's identity as {@code site}. */
@ControllerAdvice
class SiteModelAdvice {

	private final SiteSettings site;

	SiteModelAdvice(SiteSettings site) {
		this.site = site;
	}

	@ModelAttribute("site")
	SiteSettings site() {
		return site;
	}
}
