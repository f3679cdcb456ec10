package org.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlBodiesTest {

	@Test
	void keepsStructureAndDropsScriptsHandlersAndJavascriptLinks() {
		String clean = HtmlBodies.sanitise("<h2>一、总体要求</h2><p onclick=\"x()\">内容<script>alert(1)</script></p>"
				+ "<table><tr><th scope=\"col\">项目</th></tr></table><a href=\"javascript:alert(1)\">链接</a>"
				+ "<a href=\"https://www.gov.cn/\">国务院</a><img src=\"http://x/a.png\">");
		assertThat(clean).contains("<h2>一、总体要求</h2>", "<th scope=\"col\">项目</th>", "href=\"https://www.gov.cn/\"")
			.doesNotContain("script", "onclick", "javascript:", "http://x/a.png");
	}

	@Test
	void blankBodiesBecomeNull() {
		assertThat(HtmlBodies.sanitise("  ")).isNull();
	}
}
