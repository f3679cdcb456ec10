package org.gongkai.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The site's identity as required on every public page (国办发〔2017〕47号 page tags and footer;
 * portal-rules.md §3.1 and §6 checks 1 and 4), and where the static site is written.
 *
 * @param name 网站名称 ({@code SiteName})
 * @param domain 英文域名 ({@code SiteDomain})
 * @param idCode 政府网站标识码 ({@code SiteIDCode})
 * @param host 主办单位
 * @param contact 联系方式 shown in the footer
 * @param icpRecord ICP备案编号
 * @param psbRecord 公安机关备案号
 * @param psbRecordUrl link of the 公安机关备案 record
 * @param partyGovMarkUrl link behind the 党政机关网站标识
 * @param errorReportUrl the 「我为政府网站找错」 entry
 * @param staticDir folder the static site is written to (served by the app, or by nginx)
 */
@ConfigurationProperties("gongkai.site")
public record SiteSettings(String name, String domain, String idCode, String host, String contact, String icpRecord,
		String psbRecord, String psbRecordUrl, String partyGovMarkUrl, String errorReportUrl, Path staticDir) {

	public SiteSettings {
		name = orDefault(name, "政务公开平台");
		domain = orDefault(domain, "www.example.gov.cn");
		idCode = orDefault(idCode, "0000000000");
		host = orDefault(host, name);
		contact = orDefault(contact, "");
		icpRecord = orDefault(icpRecord, "");
		psbRecord = orDefault(psbRecord, "");
		psbRecordUrl = orDefault(psbRecordUrl, "https://beian.mps.gov.cn/");
		partyGovMarkUrl = orDefault(partyGovMarkUrl, "https://bszs.conac.cn/");
		errorReportUrl = orDefault(errorReportUrl, "https://zfwzzc.www.gov.cn/");
		staticDir = staticDir == null ? Path.of("data", "site") : staticDir;
	}

	private static String orDefault(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}
}
