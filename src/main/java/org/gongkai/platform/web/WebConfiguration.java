package org.gongkai.platform.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** The UI speaks Simplified Chinese whatever the browser asks for. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	LocaleResolver localeResolver() {
		return new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);
	}
}
