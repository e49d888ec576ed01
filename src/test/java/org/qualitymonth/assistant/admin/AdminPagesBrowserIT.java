package org.qualitymonth.assistant.admin;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.Outcome;
import org.qualitymonth.assistant.system.RunningApp;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.qualitymonth.assistant.querylog.QueryLogFixture;
import org.qualitymonth.assistant.system.SharedKnowledge;
import org.qualitymonth.assistant.system.AppTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The admin pages in headless Chromium, as staff use them on a laptop and on a phone. */
@AppTest
class AdminPagesBrowserIT {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String MARKUP = "<img src=x onerror=\"document.title='pwned'\"> <b>粗体</b> & \"引号\"";

	static final String MASCOT = "活动发不发纪念品";

	@TempDir
	Path dir;

	@Autowired
	ConfigurableApplicationContext context;

	Path intents;

	RunningApp app;

	ChromeDriver browser;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void start() throws IOException {
		// the review shows every unanswered question: only this test's
		QueryLogFixture.clear(context);
		app = RunningApp.shared(context);
		intents = Path.of(context.getEnvironment().getRequiredProperty("bot.intents-dir"));
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1280,900", "--lang=zh-CN");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterEach
	void stop() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		// the tests add examples to the shared application's intent files
		SharedKnowledge.restore(app);
	}

	@Test
	void staffSeeReviewAndActOnUnansweredQuestionsAllEscaped() throws Exception {
		for (String question : List.of("附近有什么好吃的", "附近有什么好吃的", "推荐一部好看的电影", MASCOT,
				UnansweredQuestionsAcceptanceIT.PERSONAL)) {
			assertThat(json.readTree(app.ask(question, "browser-test").body()).get("answered").asBoolean()).as(question)
				.isFalse();
		}
		assertThat(json.readTree(app.ask("质量月的主题是什么", "browser-test").body()).get("answered").asBoolean()).isTrue();
		// a question whose stored text holds markup, as a channel with another normaliser
		// might pass it on
		for (ConversationListener listener : app.context().getBeansOfType(ConversationListener.class).values()) {
			listener.onReply(new Question(MARKUP, "s", "web"), new Reply("markup-1", Outcome.DECLINED, null, 0.1, "",
					null, List.of(), List.of(), List.of(new Candidate("theme", 0.1, 0.1)), MARKUP, "v"));
		}

		browser.get(app.url("/admin"));
		assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
		browser.findElement(By.name("username")).sendKeys("admin");
		browser.findElement(By.name("password")).sendKeys(RunningApp.ADMIN_PASSWORD);
		submit(browser.findElement(By.cssSelector("#login button[type=submit]")));
		// back to the page first asked for (Spring Security marks the saved request with
		// ?continue)
		assertThat(browser.getCurrentUrl()).matches(".*/admin(\\?continue)?");

		assertThat(browser.findElement(By.cssSelector("#stat-total .value")).getText()).isEqualTo("7");
		assertThat(browser.findElement(By.cssSelector("#stat-declined .value")).getText()).isEqualTo("85.7%");
		assertThat(browser.findElement(By.id("top-intents")).getText()).contains("theme");
		String topUnanswered = browser.findElement(By.id("top-unanswered")).getText();
		assertThat(topUnanswered).contains("附近有什么好吃的", MASCOT, UnansweredQuestionsAcceptanceIT.PERSONAL_MASKED, MARKUP);
		assertThat(browser.findElements(By.cssSelector("#per-day tbody tr"))).hasSize(30);
		// today's bar: 1 answered and 6 declined of the busiest day's 7, drawn without
		// any inline style
		WebElement today = browser.findElement(By.cssSelector("#per-day tbody tr:last-child svg.bar"));
		double whole = today.getRect().getWidth();
		assertThat(whole).isPositive();
		assertThat(today.findElement(By.cssSelector("rect.answered")).getRect().getWidth() / whole).isCloseTo(1 / 7.0,
				within(0.02));
		assertThat(today.findElement(By.cssSelector("rect.declined")).getRect().getWidth() / whole).isCloseTo(6 / 7.0,
				within(0.02));
		assertEscaped();
		assertThat(browser.findElement(By.cssSelector("#knowledge .version")).getText())
			.isEqualTo(json.readTree(app.get("/api/v1/admin/knowledge", RunningApp.ADMIN_PASSWORD).body())
				.get("status")
				.get("version")
				.asString());
		assertThat(browser.findElements(By.cssSelector("#knowledge .rejected"))).isEmpty();
		checkScreenshot("admin-overview-laptop.png");

		submit(browser.findElement(By.linkText("未回答问题")));
		assertThat(browser.getCurrentUrl()).contains("/admin/unanswered");
		// most asked first, then most recently asked
		assertThat(questions()).containsExactly("附近有什么好吃的", MARKUP, UnansweredQuestionsAcceptanceIT.PERSONAL_MASKED,
				MASCOT, "推荐一部好看的电影");
		assertThat(browser.getPageSource()).doesNotContain(UnansweredQuestionsAcceptanceIT.MOBILE,
				UnansweredQuestionsAcceptanceIT.RESIDENT_ID);
		assertEscaped();
		checkScreenshot("admin-unanswered-laptop.png");

		submit(group("推荐一部好看的电影").findElement(By.cssSelector("button.mark-ignored")));
		assertThat(browser.findElement(By.id("flash")).getText()).contains("推荐一部好看的电影", "已忽略");
		assertThat(questions()).doesNotContain("推荐一部好看的电影").hasSize(4);
		new Select(browser.findElement(By.name("status"))).selectByValue("ignored");
		submit(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
		assertThat(questions()).containsExactly("推荐一部好看的电影");
		browser.get(app.url("/admin/unanswered"));

		WebElement mascot = group(MASCOT);
		// nothing is preselected: the engine's guess for an unanswered question is as
		// likely wrong as right
		assertThat(new Select(mascot.findElement(By.name("intent"))).getFirstSelectedOption().getText())
			.isEqualTo("请选择意图");
		((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('required')",
				mascot.findElement(By.name("intent")));
		submit(mascot.findElement(By.cssSelector("button.add-example")));
		assertThat(browser.findElement(By.id("flash")).getText()).contains("请先在“意图”中选择");
		assertThat(questions()).contains(MASCOT);
		mascot = group(MASCOT);
		new Select(mascot.findElement(By.name("intent"))).selectByValue("slogans");
		submit(mascot.findElement(By.cssSelector("button.add-example")));
		assertThat(browser.findElement(By.id("flash")).getText()).contains("意图“活动口号”", "无需重启")
			.doesNotContain("slogans");
		assertThat(questions()).doesNotContain(MASCOT);
		assertThat(Files.readString(intents.resolve("80_contact.yaml"), StandardCharsets.UTF_8))
			.contains("      - " + MASCOT + "\n");
		JsonNode now = json.readTree(app.ask(MASCOT, "after-adding").body());
		assertThat(now.get("intent").asString()).isEqualTo("slogans");
		assertThat(now.get("answered").asBoolean()).isTrue();

		WebElement food = group("附近有什么好吃的");
		new Select(food.findElement(By.name("intent"))).selectByValue("contact_fax");
		food.findElement(By.name("example")).clear();
		food.findElement(By.name("example")).sendKeys("联系人是谁");
		submit(food.findElement(By.cssSelector("button.add-example")));
		assertThat(browser.findElement(By.id("flash")).getText()).contains("已撤销修改", "contact_person");
		assertThat(questions()).contains("附近有什么好吃的");

		submit(group("附近有什么好吃的").findElement(By.cssSelector("button.mark-out-of-scope")));
		assertThat(browser.findElement(By.id("flash")).getText()).contains("拒答示例", "其他问题");
		assertThat(questions()).doesNotContain("附近有什么好吃的");
		assertThat(Files.readString(intents.resolve("90_out_of_scope.yaml"), StandardCharsets.UTF_8))
			.contains("- 附近有什么好吃的\n");
		assertThat(json.readTree(app.ask("附近有什么好吃的", "after-out-of-scope").body()).get("answered").asBoolean())
			.isFalse();

		// a broken save: the overview names the file, the line and what to do, while the
		// last good version serves
		String version = json.readTree(app.get("/api/v1/admin/knowledge", RunningApp.ADMIN_PASSWORD).body())
			.get("status")
			.get("version")
			.asString();
		Path contact = intents.resolve("80_contact.yaml");
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(contact, StandardCharsets.UTF_8));
		int broken = lines.indexOf("      - 联系人") + 1;
		lines.set(broken - 1, "      - \"联系人");
		Files.write(contact, lines, StandardCharsets.UTF_8);
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !lastReloadOk());
		submit(browser.findElement(By.linkText("概览")));
		WebElement knowledge = browser.findElement(By.id("knowledge"));
		assertThat(knowledge.findElement(By.cssSelector(".version")).getText()).isEqualTo(version);
		assertThat(knowledge.findElement(By.cssSelector(".rejected")).getText()).contains("没有生效",
				"80_contact.yaml 第 " + broken + " 行", "引号没有结束引号", broken + " |       - \"联系人");
		checkScreenshot("admin-overview-rejected-edit.png");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.navigate().refresh();
		long overflow = (Long) ((JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
		checkScreenshot("admin-unanswered-phone.png");
	}

	private boolean lastReloadOk() {
		try {
			return json.readTree(app.get("/api/v1/admin/knowledge", RunningApp.ADMIN_PASSWORD).body())
				.get("status")
				.get("lastReloadOk")
				.asBoolean();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Clicks something that loads a new page and waits until the new page is there. */
	private void submit(WebElement element) {
		WebElement page = browser.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> replaced(page));
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/**
	 * Whether the page that held {@code page} has been replaced. Chromium 156 may answer
	 * a question about a node of the page being replaced with "Node with given id does
	 * not belong to the document" instead of a stale-element error
	 * (ExpectedConditions.stalenessOf knows only the latter): both mean the old page is
	 * gone.
	 */
	private static boolean replaced(WebElement page) {
		try {
			page.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	private List<String> questions() {
		return browser.findElements(By.cssSelector("article.group .question"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private WebElement group(String text) {
		return browser.findElements(By.cssSelector("article.group"))
			.stream()
			.filter(g -> g.findElement(By.cssSelector(".question")).getText().equals(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no group " + text + " in " + questions()));
	}

	/** The markup shows as text: no element was made from it and its script never ran. */
	private void assertEscaped() {
		assertThat(browser.findElements(By.cssSelector("main img, main b"))).isEmpty();
		assertThat(browser.getTitle()).doesNotContain("pwned");
		assertThat(browser.getPageSource()).contains("&lt;img src=x onerror=");
	}

	/**
	 * Saves a screenshot and checks it is a real picture of the page: viewport-sized, not
	 * blank, nothing refused.
	 */
	private void checkScreenshot(String name) throws IOException {
		// the admin pages' Content-Security-Policy allows no inline style or script: the
		// browser says if it refused any
		assertThat(browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()
					|| e.getMessage().contains("Content Security Policy"))
			.map(LogEntry::toString)).as(name + ": errors and CSP violations in the browser console").isEmpty();
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name);
		Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
		BufferedImage image = ImageIO.read(file.toFile());
		assertThat(image).as(name + " is a PNG").isNotNull();
		JavascriptExecutor js = browser;
		long width = (Long) js.executeScript("return Math.round(window.innerWidth * window.devicePixelRatio);");
		long height = (Long) js.executeScript("return Math.round(window.innerHeight * window.devicePixelRatio);");
		assertThat(image.getWidth()).as(name + " width").isEqualTo(width);
		assertThat(image.getHeight()).as(name + " height").isEqualTo(height);
		Set<Integer> colours = new HashSet<>();
		int nonWhite = 0;
		for (int y = 0; y < image.getHeight(); y += 2) {
			for (int x = 0; x < image.getWidth(); x += 2) {
				int rgb = image.getRGB(x, y) & 0xFFFFFF;
				colours.add(rgb);
				if (rgb != 0xFFFFFF) {
					nonWhite++;
				}
			}
		}
		assertThat(colours.size()).as(name + " has text and colour, not a blank page").isGreaterThan(20);
		assertThat(nonWhite).as(name + " is not white").isGreaterThan(image.getWidth() * image.getHeight() / 4 / 10);
	}

}
