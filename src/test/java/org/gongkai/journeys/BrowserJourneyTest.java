package org.gongkai.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.gongkai.organisation.CreditCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real-browser journeys in Debian's headless Chromium: log in, create a department, find it in the
 * public directory; axe-core (pinned, from com.deque.html.axe-core:selenium) reports no WCAG 2.1 A/AA
 * violation on the portal pages, in the standard and the elder-friendly mode. Skipped with a message
 * where Chromium is not installed, unless {@code GONGKAI_BROWSER_TESTS=required} (as in CI).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gongkai.admin.password=" + JourneySupport.ADMIN_PASSWORD, "gongkai.demo.enabled=true",
				"gongkai.demo.password=" + JourneySupport.DEMO_PASSWORD, "gongkai.demo.content=false",
				"gongkai.api.public-requests-per-minute=100000" })
@DirtiesContext
@org.springframework.context.annotation.Import(QuickPasswords.class)
class BrowserJourneyTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static WebDriver driver;

	/** How often a wait looks again: the default half second would add up over the journeys' many form posts. */
	private static final Duration POLL = Duration.ofMillis(50);

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.gongkai.organisation.AgencyDirectory agencies;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gongkai-browser-");
		registry.add("gongkai.data-dir", dir::toString);
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			String message = "Browser journeys skipped: Debian chromium and chromium-driver are not installed "
					+ "(apt-get install chromium chromium-driver fonts-wqy-zenhei)";
			if ("required".equals(System.getenv("GONGKAI_BROWSER_TESTS"))) {
				Assertions.fail(message + ", but GONGKAI_BROWSER_TESTS=required");
			}
			System.out.println(message);
			Assumptions.abort(message);
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("gongkai-chromium-"));
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void logInCreateADepartmentAndFindItInThePublicDirectory() throws IOException {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys("admin");
		driver.findElement(By.id("password")).sendKeys(JourneySupport.ADMIN_PASSWORD);
		submit(By.cssSelector("button[type=submit]"));
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("工作台");

		driver.findElement(By.linkText("单位管理")).click();
		driver.findElement(By.linkText("新增单位")).click();
		new Select(driver.findElement(By.id("parentCode"))).selectByValue("yiyuan");
		driver.findElement(By.id("name")).sendKeys("沂源县文化和旅游局");
		driver.findElement(By.id("code")).sendKeys("yiyuan-wlj");
		new Select(driver.findElement(By.id("level"))).selectByValue("COUNTY");
		new Select(driver.findElement(By.id("type"))).selectByValue("DEPARTMENT");
		String first17 = "11370323004399005";
		driver.findElement(By.id("creditCode")).sendKeys(first17 + CreditCode.checkCharacter(first17));
		submit(By.cssSelector("form.form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已新增单位“沂源县文化和旅游局”");
		screenshot("console-agency-created");

		// the public directory is regenerated after the change is committed
		new WebDriverWait(driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(300)).until(d -> {
			d.get(url("/agencies/"));
			return d.getPageSource().contains("沂源县文化和旅游局");
		});
		driver.findElement(By.linkText("沂源县文化和旅游局")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("沂源县文化和旅游局");
		assertThat(driver.findElements(By.cssSelector(".column-nav a"))).extracting(e -> e.getText())
			.containsExactly("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开工作年度报告", "依申请公开目录", "政策解读",
					"回应关切", "依申请公开", "互动交流", "权责清单", "办事服务", "行政执法公示", "双随机一公开", "公众参与");
		screenshot("portal-new-agency");
	}

	/** Waits for the page a submitted form leads to; on a timeout says what the page showed instead. */
	private String waitForUrl(String regex) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(POLL).until(d -> d.getCurrentUrl().matches(regex));
		}
		catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError("stayed on " + driver.getCurrentUrl() + ": "
					+ driver.findElements(By.cssSelector(".error-summary, .field-error")).stream().map(WebElement::getText).toList(), e);
		}
		return driver.getCurrentUrl();
	}

	private void login(String user, String password) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		submit(By.cssSelector("button[type=submit]"));
		new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(POLL).until(d -> d.getCurrentUrl().endsWith("/console"));
	}

	@Test
	void anItemGoesFromDraftThroughReviewToThePortal() throws IOException {
		login("fgj-editor", JourneySupport.DEMO_PASSWORD);
		driver.findElement(By.linkText("信息发布")).click();
		driver.findElement(By.linkText("新建信息")).click();
		driver.findElement(By.id("title")).sendKeys("沂源县发展和改革局关于公布2026年第二批企业投资项目备案情况的通知");
		driver.findElement(By.id("summary")).sendKeys("公布第二批企业投资项目备案情况。");
		driver.findElement(By.id("body")).sendKeys("<p>现将2026年第二批企业投资项目备案情况予以公布。</p>");
		driver.findElement(By.id("documentNumber")).sendKeys("沂发改发〔2026〕18号");
		((JavascriptExecutor) driver).executeScript("document.getElementById('formedOn').value = '2026-11-24';"
				+ "document.getElementById('writtenOn').value = '2026-11-23';");
		new Select(driver.findElement(By.id("documentType"))).selectByValue("通知");
		new Select(driver.findElement(By.id("catalogNodes"))).selectByValue("a20-05");
		driver.findElement(By.id("attr-PROACTIVE")).click();
		submit(By.cssSelector("form.form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("草稿已保存");
		String view = driver.getCurrentUrl();
		submit(By.xpath("//button[text()='提交审查']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已提交审查");

		login("fgj-reviewer", JourneySupport.DEMO_PASSWORD);
		driver.get(view);
		for (String check : List.of("political", "legal", "secrecy", "text")) {
			driver.findElement(By.id(check)).click();
		}
		driver.findElement(By.id("review-note")).sendKeys("四关审查通过");
		submit(By.cssSelector("#review-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("审查通过");

		login("fgj-leader", JourneySupport.DEMO_PASSWORD);
		driver.get(view);
		submit(By.cssSelector("#approve-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已公开", "索引号");
		screenshot("console-document-published");
		driver.findElement(By.linkText("查看门户页面")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("沂源县发展和改革局关于公布2026年第二批企业投资项目备案情况的通知");
		assertThat(driver.findElement(By.cssSelector("table.meta")).getText()).contains("索引号", "沂发改发〔2026〕18号", "有效");
		assertThat(axeViolations()).as("axe violations on the item page").isEmpty();
		screenshot("portal-document");
		driver.findElement(By.cssSelector(".crumbs a:last-of-type")).click();
		assertThat(driver.getPageSource()).contains("沂源县发展和改革局关于公布2026年第二批企业投资项目备案情况的通知");
		assertThat(axeViolations()).as("axe violations on the node list").isEmpty();
	}

	@Test
	void aNormativeDocumentAndItsQuestionAndAnswerInterpretationArePublishedTogetherAndLinkBothWays() throws IOException {
		login("fgj-editor", JourneySupport.DEMO_PASSWORD);
		driver.get(url("/console/documents/new?agency=yiyuan-fgj"));
		driver.findElement(By.id("title")).sendKeys("沂源县中小企业纾困资金管理办法");
		driver.findElement(By.id("body")).sendKeys("<p>为支持中小企业渡过难关，制定本办法。</p>");
		((JavascriptExecutor) driver).executeScript("document.getElementById('formedOn').value = '2026-11-24';");
		new Select(driver.findElement(By.id("catalogNodes"))).selectByValue("a20-01");
		driver.findElement(By.id("normative")).click();
		driver.findElement(By.id("attr-PROACTIVE")).click();
		submit(By.cssSelector("form.form button[type=submit]"));
		String documentView = waitForUrl(".*/console/documents/\\d+$");
		long documentId = Long.parseLong(documentView.substring(documentView.lastIndexOf('/') + 1));

		// 三同步: the plan must go with the submission
		submit(By.xpath("//button[text()='提交审查']"));
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("解读方案");
		driver.get(url("/console/interpretation/policies/" + documentId));
		((JavascriptExecutor) driver).executeScript("document.getElementById('planOn').value = '2026-11-30';");
		driver.findElement(By.id("channels")).sendKeys("政府网站");
		driver.findElement(By.id("forms")).sendKeys("简明问答");
		driver.findElement(By.id("outline")).sendKeys("一、适用对象；二、申请方式");
		// let the plan's POST finish before leaving the page, or the navigation may cancel it
		submit(By.cssSelector("#plan-form button[type=submit]"));
		driver.get(documentView);
		submit(By.xpath("//button[text()='提交审查']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已提交审查");

		// the drafting department writes the Q&A interpretation in the console
		driver.get(url("/console/interpretations/new?agency=yiyuan-fgj&document=" + documentId));
		assertThat(driver.findElement(By.id("title")).getAttribute("value")).as("the title is proposed from the policy")
			.isEqualTo("《沂源县中小企业纾困资金管理办法》政策解读");
		driver.findElement(By.id("title")).clear();
		driver.findElement(By.id("title")).sendKeys("《沂源县中小企业纾困资金管理办法》问答");
		new Select(driver.findElement(By.id("form"))).selectByValue("QA");
		driver.findElement(By.id("qa-0-question")).sendKeys("哪些企业可以申请纾困资金？");
		driver.findElement(By.id("qa-0-answer")).sendKeys("在本县登记、经营困难的中小企业。");
		driver.findElement(By.id("qa-1-question")).sendKeys("向哪个部门申请？");
		driver.findElement(By.id("qa-1-answer")).sendKeys("向县发展和改革局申请。");
		submit(By.cssSelector("main form.form button[type=submit]"));
		String interpretationView = waitForUrl(".*/console/interpretations/\\d+$");
		submit(By.xpath("//button[text()='提交审签']"));

		login("fgj-reviewer", JourneySupport.DEMO_PASSWORD);
		driver.get(documentView);
		for (String check : List.of("political", "legal", "secrecy", "text")) {
			driver.findElement(By.id(check)).click();
		}
		submit(By.cssSelector("#review-form button[type=submit]"));

		// the leader cannot approve the policy before the interpretation is signed off
		login("fgj-leader", JourneySupport.DEMO_PASSWORD);
		driver.get(documentView);
		submit(By.cssSelector("#approve-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("须与解读材料同步审签后才能公开");
		driver.get(interpretationView);
		submit(By.cssSelector("#approve-form button[type=submit]"));
		driver.get(documentView);
		submit(By.cssSelector("#approve-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已公开");

		// on the portal: the policy lists its interpretation, which renders as question-answer pairs and links back
		String policyUrl = url("/agencies/yiyuan-fgj/documents/" + documentId + "/");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
			d.get(policyUrl);
			return !d.findElements(By.id("related-interpretations")).isEmpty();
		});
		driver.findElement(By.linkText("《沂源县中小企业纾困资金管理办法》问答")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("《沂源县中小企业纾困资金管理办法》问答");
		List<WebElement> questions = driver.findElements(By.cssSelector("dl.qa-list > dt"));
		List<WebElement> answers = driver.findElements(By.cssSelector("dl.qa-list > dd"));
		assertThat(questions).hasSize(2);
		assertThat(answers).hasSize(2);
		assertThat(questions.get(0).getText()).contains("哪些企业可以申请纾困资金？");
		assertThat(answers.get(1).getText()).contains("向县发展和改革局申请。");
		assertThat(axeViolations()).as("axe violations on the interpretation page").isEmpty();
		screenshot("portal-interpretation-qa");
		driver.findElement(By.linkText("沂源县中小企业纾困资金管理办法")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("沂源县中小企业纾困资金管理办法");
		assertThat(axeViolations()).as("axe violations on the policy page with its interpretations").isEmpty();
	}

	@Test
	void anOnlineApplicationGoesThroughCorrectionExtensionAndReplyToTheApplicantsTrackingPage() throws IOException {
		driver.manage().deleteAllCookies();
		driver.get(url("/agencies/yiyuan-fgj/apply/"));
		assertThat(axeViolations()).as("axe violations on the application page").isEmpty();
		driver.findElement(By.cssSelector("input[name=applicantType][value=NATURAL_PERSON]")).click();
		driver.findElement(By.id("f-name")).sendKeys("李华");
		new Select(driver.findElement(By.id("f-idType"))).selectByValue("RESIDENT_ID");
		driver.findElement(By.id("f-idNumber")).sendKeys("11010519491231002X");
		driver.findElement(By.id("f-phone")).sendKeys("13700001234");
		driver.findElement(By.id("f-description")).sendKeys("沂源县2026年农村公路养护资金分配方案");
		driver.findElement(By.cssSelector("input[name=provisionForm][value=EMAIL]")).click();
		driver.findElement(By.cssSelector("input[name=obtainMethod][value=ONLINE]")).click();
		driver.findElement(By.id("f-consent")).click();
		submit(By.xpath("//button[text()='提交申请']"));
		String code = new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> d.findElements(By.id("tracking-code")).stream().findFirst().map(WebElement::getText).orElse(null));
		assertThat(code).hasSize(12);
		assertThat(axeViolations()).as("axe violations on the confirmation").isEmpty();

		login("fgj-handler", JourneySupport.DEMO_PASSWORD);
		driver.get(url("/console/requests?agency=yiyuan-fgj"));
		driver.findElement(By.linkText(code)).click();
		String caseUrl = driver.getCurrentUrl();
		submit(By.xpath("//button[text()='确认收到']"));
		driver.findElement(By.id("correction-items")).sendKeys("请写明资金分配方案的年度和文号");
		submit(By.xpath("//button[text()='告知补正']"));
		assertThat(driver.getPageSource()).contains("待补正");
		submit(By.xpath("//button[text()='登记补正']"));

		login("fgj-leader", JourneySupport.DEMO_PASSWORD);
		driver.get(caseUrl);
		driver.findElement(By.id("extension-days")).sendKeys("10");
		driver.findElement(By.id("extension-reason")).sendKeys("需要向县交通运输局调取资料");
		submit(By.xpath("//button[text()='批准延期']"));
		assertThat(driver.getPageSource()).contains("批准延长 10 个工作日");

		login("fgj-handler", JourneySupport.DEMO_PASSWORD);
		driver.get(caseUrl);
		new Select(driver.findElement(By.id("reply-outcome"))).selectByValue("r1");
		driver.findElement(By.id("reply-content")).sendKeys("现将《沂源县2026年农村公路养护资金分配方案》通过电子邮件发送给您。");
		submit(By.xpath("//button[text()='答复']"));
		assertThat(driver.getPageSource()).contains("已答复");
		screenshot("console-request-replied");

		driver.manage().deleteAllCookies();
		driver.get(url("/requests/track?code=" + code));
		driver.findElement(By.id("f-verifier")).sendKeys("1234");
		submit(By.xpath("//button[text()='查询']"));
		String tracked = driver.findElement(By.tagName("main")).getText();
		assertThat(tracked).contains("已答复", "予以公开", "现将《沂源县2026年农村公路养护资金分配方案》通过电子邮件发送给您。",
				"请写明资金分配方案的年度和文号", "批准延长 10 个工作日");
		assertThat(tracked).doesNotContain("11010519491231002X");
		assertThat(axeViolations()).as("axe violations on the tracking page").isEmpty();
		screenshot("portal-request-tracked");
	}

	@Test
	void aMessageIsSubmittedAssignedRepliedAndPublishedWithTheFourFieldsAndMaskedNumbers() throws IOException {
		driver.manage().deleteAllCookies();
		driver.get(url("/interaction/write?agency=yiyuan"));
		assertThat(axeViolations()).as("axe violations on the message form").isEmpty();
		driver.findElement(By.cssSelector("input[name=type][value=CONSULTATION]")).click();
		driver.findElement(By.id("f-title")).sendKeys("咨询县城老旧小区改造计划");
		driver.findElement(By.id("f-content")).sendKeys("我住在南麻街道，电话13812345678，请问我们小区是否列入今年的老旧小区改造计划？");
		driver.findElement(By.id("f-name")).sendKeys("王先生");
		driver.findElement(By.id("f-phone")).sendKeys("13700005678");
		driver.findElement(By.id("f-publicAllowed")).click();
		driver.findElement(By.id("f-consent")).click();
		submit(By.xpath("//button[text()='提交留言']"));
		String code = new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> d.findElements(By.id("tracking-code")).stream().findFirst().map(WebElement::getText).orElse(null));
		assertThat(code).startsWith("LY");
		assertThat(axeViolations()).as("axe violations on the confirmation").isEmpty();

		login("hd-handler", JourneySupport.DEMO_PASSWORD);
		driver.get(url("/console/messages?status=SUBMITTED"));
		driver.findElement(By.linkText(code)).click();
		String messageUrl = driver.getCurrentUrl();
		assertThat(driver.getPageSource()).contains("13700005678");
		submit(By.xpath("//button[text()='受理']"));
		new Select(driver.findElement(By.id("assign-agency"))).selectByVisibleText(agencies.requireByCode("yiyuan-fgj").name());
		submit(By.xpath("//button[text()='转办']"));
		assertThat(driver.getPageSource()).contains(agencies.requireByCode("yiyuan-fgj").name());
		assertThat(axeViolations()).as("axe violations on the console message page").isEmpty();

		login("fgj-messages", JourneySupport.DEMO_PASSWORD);
		driver.get(messageUrl);
		driver.findElement(By.id("reply-content")).sendKeys("您好，您所在小区已列入2026年老旧小区改造计划，预计下半年开工。");
		submit(By.xpath("//button[text()='答复']"));
		assertThat(driver.getPageSource()).contains("已答复");
		screenshot("console-message-replied");

		driver.manage().deleteAllCookies();
		driver.get(url("/interaction/messages/"));
		driver.findElement(By.partialLinkText("咨询县城老旧小区改造计划")).click();
		String entry = driver.findElement(By.tagName("main")).getText();
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		assertThat(entry).contains("受理日期", "答复日期", "答复部门", agencies.requireByCode("yiyuan-fgj").name(),
				"您所在小区已列入2026年老旧小区改造计划", today, "138****5678");
		assertThat(entry).doesNotContain("13812345678").doesNotContain("13700005678").doesNotContain("王先生");
		assertThat(axeViolations()).as("axe violations on the public message").isEmpty();
		screenshot("portal-message");
	}

	@Test
	void aPenaltyAndAPowerItemGoFromTheConsoleToTheAgencysColumnsWithTheNaturalPersonMasked() throws IOException {
		login("fgj-editor", JourneySupport.DEMO_PASSWORD);
		driver.get(url("/console/enforcement/new?agency=yiyuan-fgj"));
		new Select(driver.findElement(By.id("kind"))).selectByValue("PENALTY");
		driver.findElement(By.id("decisionNumber")).sendKeys("沂发改罚〔2026〕9号");
		new Select(driver.findElement(By.id("partyType"))).selectByValue("NATURAL_PERSON");
		driver.findElement(By.id("party")).sendKeys("张三丰");
		driver.findElement(By.id("partyIdNumber")).sendKeys("11010519491231002X");
		driver.findElement(By.id("category")).sendKeys("罚款");
		String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
		((JavascriptExecutor) driver).executeScript("document.getElementById('decidedOn').value = arguments[0];", yesterday);
		driver.findElement(By.id("content")).sendKeys("当事人张三丰未按规定报送价格信息，联系电话13612345678，处罚款500元。");
		driver.findElement(By.id("basis")).sendKeys("《价格违法行为行政处罚规定》第十三条");
		submit(By.xpath("//button[text()='登记']"));
		assertThat(axeViolations()).as("axe violations on the console decision page").isEmpty();
		submit(By.xpath("//button[text()='公示']"));
		screenshot("console-penalty-published");

		driver.get(url("/console/powers?agency=yiyuan-fgj"));
		driver.findElement(By.id("new-code")).sendKeys("370323-FG-CF-001");
		driver.findElement(By.id("new-name")).sendKeys("对不按规定报送价格信息的处罚");
		new Select(driver.findElement(By.id("new-typeCode"))).selectByVisibleText("行政处罚");
		driver.findElement(By.id("new-basis")).sendKeys("《价格违法行为行政处罚规定》第十三条");
		driver.findElement(By.id("new-reason")).sendKeys("依据2026年权责清单调整通知新增");
		submit(By.xpath("//button[text()='新增']"));
		assertThat(driver.getPageSource()).contains("已新增事项");

		driver.manage().deleteAllCookies();
		driver.get(url("/agencies/yiyuan-fgj/enforcement/"));
		String column = driver.findElement(By.tagName("main")).getText();
		assertThat(column).contains("沂发改罚〔2026〕9号", "张**").doesNotContain("张三丰").doesNotContain("11010519491231002X");
		assertThat(axeViolations()).as("axe violations on the enforcement column").isEmpty();
		driver.findElement(By.partialLinkText("沂发改罚〔2026〕9号")).click();
		String decision = driver.findElement(By.tagName("main")).getText();
		assertThat(decision).contains("《价格违法行为行政处罚规定》第十三条").doesNotContain("张三丰").doesNotContain("13612345678");
		assertThat(axeViolations()).as("axe violations on the decision page").isEmpty();
		screenshot("portal-penalty");

		driver.get(url("/agencies/yiyuan-fgj/powers/"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("对不按规定报送价格信息的处罚", "370323-FG-CF-001");
		assertThat(axeViolations()).as("axe violations on the power list").isEmpty();
		for (String path : List.of("/agencies/yiyuan-fgj/services/", "/agencies/yiyuan-fgj/inspections/", "/enforcement/",
				"/inspections/", "/inspections/algorithm")) {
			driver.get(url(path));
			assertThat(axeViolations()).as("axe violations on " + path).isEmpty();
		}
	}

	@Test
	void aConsultationIsPublishedCommentedOnModeratedAnsweredAndItsFeedbackPublished() throws IOException {
		String title = "关于《沂源县城区停车收费管理办法（征求意见稿）》公开征求意见的公告";
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		login("fgj-editor", JourneySupport.DEMO_PASSWORD);
		driver.findElement(By.linkText("意见征集")).click();
		assertThat(axeViolations()).as("axe violations on the console consultation list").isEmpty();
		driver.findElement(By.linkText("新建意见征集")).click();
		driver.findElement(By.id("title")).sendKeys(title);
		driver.findElement(By.id("draft")).sendKeys("沂源县城区停车收费管理办法\n第一条 为规范城区停车收费行为，制定本办法。\n"
				+ "第二条 本办法适用于县城城区的公共停车场。\n第三条 停车收费实行政府指导价。");
		driver.findElement(By.id("basis")).sendKeys("《中华人民共和国价格法》第十八条");
		driver.findElement(By.id("explanation")).sendKeys("为缓解城区停车难，规范收费行为，起草了本办法。");
		((JavascriptExecutor) driver).executeScript("document.getElementById('opensOn').value = arguments[0];"
				+ "document.getElementById('closesOn').value = arguments[1];", today.toString(), today.plusDays(30).toString());
		driver.findElement(By.id("channelEmail")).sendKeys("fgj@example.cn");
		assertThat(axeViolations()).as("axe violations on the consultation form").isEmpty();
		submit(By.xpath("//button[text()='保存草稿']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("草稿已保存");
		submit(By.xpath("//button[text()='发布']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已发布");
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("征集中");
		String consoleUrl = driver.getCurrentUrl();
		String publicPath = driver.findElement(By.linkText("查看门户页面")).getDomAttribute("href");

		// a member of the public, without any session
		driver.manage().deleteAllCookies();
		driver.get(url("/participation/consultations/"));
		// the server's day may already be the next one around midnight China time
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(title, "征集中").containsPattern("距征集截止还有(30|29)天");
		assertThat(axeViolations()).as("axe violations on the consultation list").isEmpty();
		driver.findElement(By.linkText(title)).click();
		assertThat(driver.findElement(By.id("consultation-status")).getText()).isEqualTo("征集中");
		assertThat(axeViolations()).as("axe violations on the consultation page with its form").isEmpty();
		new Select(driver.findElement(By.id("f-article"))).selectByVisibleText("第三条");
		driver.findElement(By.id("f-content")).sendKeys("建议夜间22时至次日7时免费停车，联系电话13812345678。");
		driver.findElement(By.id("f-name")).sendKeys("孙八");
		driver.findElement(By.id("f-consent")).click();
		submit(By.xpath("//button[text()='提交意见']"));
		assertThat(driver.findElement(By.id("comment-sent")).getText()).contains("感谢");
		assertThat(axeViolations()).as("axe violations on the confirmation").isEmpty();

		// the editor accepts the comment, closes the consultation and answers
		login("fgj-editor", JourneySupport.DEMO_PASSWORD);
		driver.get(consoleUrl);
		assertThat(driver.getPageSource()).contains("孙八", "建议夜间22时至次日7时免费停车");
		assertThat(axeViolations()).as("axe violations on the console consultation page").isEmpty();
		submit(By.xpath("//button[text()='通过']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("审核通过");
		driver.findElement(By.id("reason")).sendKeys("上级机关要求提前报送草案");
		submit(By.xpath("//button[text()='提前结束征集']"));
		assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("已结束");
		driver.findElement(By.id("feedback-link")).click();
		assertThat(axeViolations()).as("axe violations on the feedback screen").isEmpty();
		driver.findElement(By.cssSelector("input[name=comments]")).click();
		new Select(driver.findElement(By.id("outcome"))).selectByValue("ADOPTED");
		submit(By.xpath("//button[text()='提交反馈']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已反馈1条意见");
		driver.findElement(By.id("mainChanges")).sendKeys("第三条增加夜间22时至次日7时免费停车的规定。");
		submit(By.xpath("//button[text()='保存说明']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("说明已保存");
		submit(By.xpath("//button[text()='公布反馈']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已公布意见收集和采纳情况");
		screenshot("console-consultation-feedback");

		// the public page shows the summary
		driver.manage().deleteAllCookies();
		driver.get(url(publicPath));
		String page = driver.findElement(By.tagName("main")).getText();
		assertThat(page).contains("已反馈", "意见收集和采纳情况", "收到意见1条（有效意见1条），采纳1条，部分采纳0条，采纳率100.0%",
				"提前结束的原因", "上级机关要求提前报送草案",
				"第三条增加夜间22时至次日7时免费停车的规定。");
		assertThat(page).doesNotContain("13812345678").doesNotContain("孙八");
		assertThat(axeViolations()).as("axe violations on the consultation with its feedback").isEmpty();
		screenshot("portal-consultation-feedback");
		driver.get(url("/participation/"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(title, "收到意见1条（有效意见1条），采纳1条");
		assertThat(axeViolations()).as("axe violations on the participation column").isEmpty();
	}

	@Test
	void anAnnualReportGoesFromDraftThroughReviewAndApprovalToThePortal() throws IOException {
		login("fgj-editor", JourneySupport.DEMO_PASSWORD);
		driver.findElement(By.linkText("年度报告")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("政府信息公开工作年度报告");
		assertThat(axeViolations()).as("axe violations on the console report list").isEmpty();
		WebElement start = driver.findElement(By.xpath("//button[starts-with(text(),'起草') and contains(text(),'年度报告')]"));
		String year = start.getText().replaceAll("\\D", "");
		submit(By.xpath("//button[starts-with(text(),'起草') and contains(text(),'年度报告')]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已起草");
		String report = waitForUrl(".*/console/reports/\\d+$");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("沂源县发展和改革局" + year + "年政府信息公开工作年度报告");
		assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("草稿");
		assertThat(driver.findElements(By.cssSelector("table.report-table td a"))).as("every figure is a link").isNotEmpty();

		WebElement one = driver.findElement(By.id("one"));
		one.clear();
		one.sendKeys(year + "年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，浏览器旅程编辑的总体情况。"
				+ "（一）主动公开。（二）依申请公开。（三）政府信息管理。（四）平台建设。（五）监督保障。");
		WebElement five = driver.findElement(By.id("five"));
		five.clear();
		five.sendKeys("存在的主要问题：栏目更新不够及时。改进情况：建立更新提醒机制。");
		for (String part : List.of("six_FEES", "six_WORK_PLAN", "six_MOTIONS", "six_INNOVATION")) {
			WebElement field = driver.findElement(By.id(part));
			if (field.getAttribute("value").isBlank()) {
				field.sendKeys("已按规定落实。");
			}
		}
		submit(By.cssSelector("#text-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已保存");
		assertThat(axeViolations()).as("axe violations on the console report page").isEmpty();
		screenshot("console-report-draft");
		submit(By.cssSelector("#submit-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已提交审核");

		login("fgj-reviewer", JourneySupport.DEMO_PASSWORD);
		driver.get(report);
		driver.findElement(By.id("note")).sendKeys("数据与业务记录核对一致");
		submit(By.cssSelector("#review-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("审核通过");

		login("fgj-leader", JourneySupport.DEMO_PASSWORD);
		driver.get(report);
		submit(By.cssSelector("#approve-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已批准");

		login("fgj-editor", JourneySupport.DEMO_PASSWORD);
		driver.get(report);
		submit(By.cssSelector("#publish-form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已发布");
		assertThat(driver.findElement(By.id("report-status")).getText()).isEqualTo("已发布");
		assertThat(axeViolations()).as("axe violations on the published report in the console").isEmpty();
		screenshot("console-report-published");

		// the public page is generated after the publication is committed
		String publicPath = driver.findElement(By.linkText("查看公开页面")).getAttribute("href");
		new WebDriverWait(driver, Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(300)).until(d -> {
			d.get(publicPath);
			return d.getPageSource().contains("浏览器旅程编辑的总体情况");
		});
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("沂源县发展和改革局", year + "年政府信息公开工作年度报告");
		assertThat(driver.findElements(By.cssSelector("main table th"))).as("the public tables have headers").isNotEmpty();
		assertThat(axeViolations()).as("axe violations on the public report page").isEmpty();
		screenshot("portal-annual-report");
	}

	@Test
	void portalPagesHaveNoAccessibilityViolations() throws IOException {
		for (String path : List.of("/", "/agencies/", "/agencies/yiyuan/", "/agencies/yiyuan-fgj/guide/",
				"/agencies/yiyuan-lucun/statutory/", "/agencies/yiyuan-lucun/standard/", "/agencies/yiyuan-fgj/normative/",
				"/agencies/yiyuan-fgj/on-request/", "/interpretations/", "/concerns/", "/agencies/yiyuan-fgj/interpretations/",
				"/agencies/yiyuan-fgj/concerns/", "/interaction/", "/interaction/messages/", "/interaction/track",
				"/agencies/yiyuan/interaction/", "/participation/", "/participation/decisions/", "/participation/consultations/",
				"/participation/polls/", "/participation/meetings/", "/agencies/yiyuan-fgj/participation/",
				"/annual-reports/", "/agencies/yiyuan-fgj/annual-reports/", "/search?q=政务公开")) {
			driver.get(url(path));
			assertThat(axeViolations()).as("axe violations on " + path).isEmpty();
		}
		screenshot("portal-guide");
	}

	@Test
	void searchFromTheHeaderBoxNarrowByAFacetAndStayAccessible() throws IOException {
		// a public document to find (pushed by the OA system, published at once)
		tools.jackson.databind.JsonNode token = new Http(port).basic("fgj-admin", JourneySupport.DEMO_PASSWORD)
			.postJson("/api/v1/agencies/yiyuan-fgj/tokens", java.util.Map.of("name", "OA-B-search", "scopes", List.of("intake")))
			.json();
		java.util.Map<String, Object> doc = new java.util.HashMap<>(java.util.Map.of("externalId", "OA-B-search-1", "title",
				"沂源县政务公开工作年度要点", "body", "<p>全面推进政务公开，做好政府信息主动公开。</p>", "formedOn", "2026-11-20",
				"theme", "综合政务/政务公开", "documentType", "通知", "normative", false, "catalogNodes", List.of("a20-01"),
				"attribute", "PROACTIVE"));
		assertThat(new Http(port).bearer(token.get("token").asString()).postJson("/api/v1/intake/documents", doc).status())
			.isEqualTo(201);

		driver.manage().deleteAllCookies();
		// this application's first start is still writing pages and building its index: how fast a publication is
		// searchable is the search journeys' and the benchmark's business, not this UI journey's
		new WebDriverWait(driver, Duration.ofSeconds(90)).pollingEvery(Duration.ofMillis(500)).until(d -> {
			d.get(url("/"));
			WebElement box = d.findElement(By.id("header-q"));
			box.sendKeys("政务公开");
			box.submit();
			// the title is highlighted on the page (沂源县<mark>政务公开</mark>工作年度要点)
			return d.getPageSource().contains("工作年度要点");
		});
		assertThat(driver.getCurrentUrl()).contains("/search?q=");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("站内搜索");
		assertThat(driver.findElement(By.cssSelector(".result-count")).getText()).contains("找到与“政务公开”相关的信息");
		assertThat(driver.findElements(By.cssSelector(".result-list mark"))).isNotEmpty();
		assertThat(axeViolations()).as("axe violations on the results page").isEmpty();
		screenshot("portal-search");

		// narrow to one type by its facet link: the filter is in the URL and marked as selected
		driver.findElement(By.cssSelector("#facet-type + ul a")).click();
		assertThat(driver.getCurrentUrl()).contains("type=");
		assertThat(driver.findElement(By.cssSelector(".facet a[aria-current='true']")).getText()).isNotBlank();
		assertThat(axeViolations()).as("axe violations on the filtered results").isEmpty();
	}

	@Test
	void elderModeEnlargesTextPersistsAcrossPagesAndStaysAccessible() throws IOException {
		driver.get(url("/"));
		((JavascriptExecutor) driver).executeScript("window.localStorage.removeItem('gk-elder')");
		driver.navigate().refresh();
		double normal = fontSize();
		driver.findElement(By.id("elder-toggle")).click();
		assertThat(driver.findElement(By.id("elder-toggle")).getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(fontSize()).isGreaterThanOrEqualTo(18.0).isGreaterThan(normal);

		driver.get(url("/agencies/yiyuan/guide/"));
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("class")).contains("elder");
		assertThat(fontSize()).isGreaterThanOrEqualTo(18.0);
		assertThat(axeViolations()).as("axe violations in elder mode").isEmpty();
		screenshot("portal-guide-elder");

		driver.findElement(By.id("elder-toggle")).click();
		driver.get(url("/"));
		assertThat(String.valueOf(driver.findElement(By.tagName("html")).getDomAttribute("class"))).doesNotContain("elder");
	}

	@Test
	void aWorkPlanTaskIsClaimedReportedSupervisedAndClosedAndShownDoneOnThePortal() throws IOException {
		String title = "浏览器测试工作要点" + Long.toString(System.nanoTime() % 1_000_000L, 36);
		String requirement = "及时向社会公布政府性基金、行政事业性收费项目取消清单和收费标准调整情况。";
		login("gkb", JourneySupport.DEMO_PASSWORD);
		driver.findElement(By.linkText("工作任务")).click();
		driver.findElement(By.linkText("新建工作计划")).click();
		new Select(driver.findElement(By.id("agency"))).selectByValue("yiyuan");
		driver.findElement(By.id("title")).sendKeys(title);
		driver.findElement(By.cssSelector("input[name=publicPlan]")).click();
		submit(By.cssSelector("form.form button[type=submit]"));
		String planUrl = waitForUrl(".*/console/work-plans/\\d+$");
		driver.findElement(By.id("group")).sendKeys("做好优化营商环境信息公开");
		driver.findElement(By.id("task")).sendKeys("优化涉企服务");
		driver.findElement(By.id("requirement")).sendKeys(requirement);
		driver.findElement(By.id("units")).sendKeys("各镇（街道）、经济开发区和县发展改革局、县财政局");
		submit(By.xpath("//button[text()='添加']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已添加任务", "经济开发区");
		submit(By.xpath("//button[text()='印发工作计划']"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已印发");
		driver.findElement(By.linkText("优化涉企服务")).click();
		String taskUrl = driver.getCurrentUrl();

		login("fgj-admin", JourneySupport.DEMO_PASSWORD);
		driver.get(url("/console/work-plans/mine"));
		assertThat(driver.getPageSource()).contains(requirement.substring(0, 20));
		driver.get(taskUrl);
		driver.findElement(By.cssSelector("form[action$='/claim'] textarea[name=measures]")).sendKeys("在财政资金栏目公布收费项目取消清单，收费标准调整后5个工作日内公开。");
		driver.findElement(By.cssSelector("form[action$='/claim'] input[name=office]")).sendKeys("价格科");
		driver.findElement(By.cssSelector("form[action$='/claim'] input[name=person]")).sendKeys("陈静");
		driver.findElement(By.cssSelector("form[action$='/claim'] input[name=phone]")).sendKeys("0533-3240103");
		submit(By.cssSelector("form[action$='/claim'] button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已认领");
		new Select(driver.findElement(By.cssSelector("form[action$='/progress'] select[name=state]"))).selectByValue("ON_TRACK");
		driver.findElement(By.cssSelector("form[action$='/progress'] textarea[name=content]")).sendKeys("已公布取消清单初稿。");
		submit(By.cssSelector("form[action$='/progress'] button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已报送进展");

		login("gkb", JourneySupport.DEMO_PASSWORD);
		driver.get(taskUrl);
		driver.findElement(By.cssSelector("form[action$='/supervise'] textarea[name=note]")).sendKeys("请补充公开收费标准调整情况。");
		((JavascriptExecutor) driver).executeScript("document.querySelector(\"form[action$='/supervise'] input[name=dueOn]\").value = '"
				+ java.time.LocalDate.now().plusDays(5) + "';");
		submit(By.cssSelector("form[action$='/supervise'] button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已督办");

		login("fgj-admin", JourneySupport.DEMO_PASSWORD);
		driver.get(taskUrl);
		assertThat(driver.getPageSource()).contains("请补充公开收费标准调整情况。", "待答复");
		new Select(driver.findElement(By.cssSelector("form[action$='/progress'] select[name=state]"))).selectByValue("DONE");
		driver.findElement(By.cssSelector("form[action$='/progress'] input[name=percent]")).sendKeys("100");
		driver.findElement(By.cssSelector("form[action$='/progress'] textarea[name=content]")).sendKeys("已补充公开收费标准调整情况。");
		submit(By.cssSelector("form[action$='/progress'] button[type=submit]"));
		assertThat(driver.getPageSource()).contains("已答复");

		login("gkb", JourneySupport.DEMO_PASSWORD);
		driver.get(taskUrl);
		driver.findElement(By.cssSelector("form[action$='/close'] textarea[name=closeNote]")).sendKeys("经核查已完成。");
		submit(By.cssSelector("form[action$='/close'] button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("已销号");
		screenshot("console-work-task-closed");
		driver.get(planUrl);
		driver.findElement(By.linkText("查看公开页面")).click();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.cssSelector("main table")).getText()).contains(requirement, "已完成", "在财政资金栏目公布收费项目取消清单")
			.doesNotContain("陈静", "0533-3240103");
		assertThat(axeViolations()).as("axe violations on the public work plan").isEmpty();
		screenshot("portal-work-plan");
		driver.findElement(By.linkText("工作要点")).click();
		assertThat(driver.getPageSource()).contains(title);
		assertThat(axeViolations()).as("axe violations on the work plan list").isEmpty();
	}

	@Test
	void theConsoleLoginPageIsAccessibleToo() {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		assertThat(axeViolations()).isEmpty();
	}

	/**
	 * Clicks a button that submits a form and waits until the browser has left the page, so that the next read sees
	 * the answer and not the page the button was on (and a following navigation cannot cancel the POST).
	 */
	private static void submit(By button) {
		WebElement element = driver.findElement(button);
		element.click();
		// the old page is gone; chromedriver sometimes says so with "does not belong to the document" instead of a
		// stale element reference, which ExpectedConditions.stalenessOf does not take for staleness
		new WebDriverWait(driver, Duration.ofSeconds(15)).pollingEvery(POLL).until(d -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException e) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException e) {
				if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw e;
			}
		});
	}

	private double fontSize() {
		Object px = ((JavascriptExecutor) driver)
			.executeScript("return parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");
		return ((Number) px).doubleValue();
	}

	/** Runs the pinned axe-core with the WCAG 2.0/2.1 A and AA rules; returns one line per violation. */
	@SuppressWarnings("unchecked")
	private List<String> axeViolations() {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript(axeSource());
		Object result = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
				  .then(r => done(r.violations.map(v => v.id + ' [' + v.impact + '] ' + v.help + ' @ '
				      + v.nodes.map(n => n.target.join(' ')).join(', '))))
				  .catch(e => done(['axe failed: ' + e]));
				""");
		return (List<String>) result;
	}

	private static String axeSourceCache;

	private static String axeSource() {
		if (axeSourceCache == null) {
			try (InputStream in = BrowserJourneyTest.class.getResourceAsStream("/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe.min.js not on the test classpath (com.deque.html.axe-core:selenium)");
				}
				axeSourceCache = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
		return axeSourceCache;
	}

	private static void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
