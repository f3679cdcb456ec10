package org.gongkai.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The served OpenAPI description ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI gongkaiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Gongkai 公开 API")
				.version("v1")
				.description("""
						政务公开平台接口。`/api/v1/public/**` 无需登录；其余接口使用员工账号（HTTP Basic 或后台会话）\
						或单位接口令牌（`Authorization: Bearer gk_…`）。错误按 RFC 9457 返回 `application/problem+json`，\
						`title` 与 `detail` 为中文，字段错误列在 `errors` 中。日期为 `YYYY-MM-DD`，时刻为 UTC 的 ISO-8601。""")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
