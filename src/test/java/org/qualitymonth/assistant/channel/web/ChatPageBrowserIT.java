package org.qualitymonth.assistant.channel.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qualitymonth.assistant.system.AppTest;
import org.qualitymonth.assistant.system.SharedTestConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The citizen chat page in headless Chromium against the running application, under the
 * app's own Content-Security-Policy. Expected answers come from the chat service itself,
 * so the tests follow the intent files. Screenshots go to {@code target/screenshots}.
 */
@AppTest
class ChatPageBrowserIT {

	private static final String THEME_QUESTION = "质量月的主题是什么";

	private static final String OFF_TOPIC_QUESTION = "附近有什么好吃的";

	static HeadlessChromium chromium;

	static ChatPage page;

	@LocalServerPort
	int port;

	@Autowired
	ChatService chat;

	@Autowired
	SharedTestConfiguration.FeedbackRecorder feedback;

	@BeforeAll
	static void startBrowser() {
		chromium = new HeadlessChromium();
		page = new ChatPage(chromium.driver());
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	/**
	 * Every test starts a new conversation: the page keeps its session id for the whole
	 * tab.
	 */
	@BeforeEach
	void newConversation() {
		page.open(url());
		chromium.script("window.sessionStorage.clear()");
	}

	@AfterEach
	void browserConsoleStaysClean() {
		chromium.desktopScreen();
		assertThat(chromium.consoleProblems()).as("errors and CSP violations in the browser console").isEmpty();
	}

	@Test
	void welcomeOffersTheMainTopicsAsButtons() {
		page.open(url());
		assertThat(page.welcomeTopics()).extracting(WebElement::getText).containsExactlyElementsOf(menuTitles());
		assertThat(page.input().getAccessibleName()).isEqualTo("输入您的问题");
		assertThat(page.input().getDomProperty("maxLength")).isEqualTo("500");
		assertThat(chromium.script("return document.getElementById('messages').getAttribute('aria-live')"))
			.isEqualTo("polite");
		assertThat(chromium.script("return document.documentElement.lang")).isEqualTo("zh-CN");
		chromium.screenshot("desktop-welcome");
	}

	@Test
	void typedQuestionShowsTheAnswerWithItsSource() {
		page.open(url());
		ChatPage.Reply reply = page.ask(THEME_QUESTION);
		org.qualitymonth.assistant.chat.Reply expected = chat.ask(new Question(THEME_QUESTION, null, "test"));
		assertThat(reply.outcome()).isEqualTo("answered");
		assertThat(reply.intent()).isEqualTo("theme");
		assertThat(reply.answer()).contains("建设质量强国").isEqualTo(expected.answer());
		assertThat(expected.source()).isNotBlank();
		assertThat(reply.sourceLine()).hasValue("出处：" + expected.source());
		assertThat(reply.titles("related")).containsExactlyElementsOf(titles(expected.related()));
		assertThat(page.userMessages()).last().isEqualTo(THEME_QUESTION);
		assertThat(page.input().getDomProperty("value")).isEmpty();
		assertThat(chromium.driver().switchTo().activeElement()).isEqualTo(page.input());
		chromium.screenshot("desktop-answer");
		// a single fact first; the whole paragraph (the topic's answer) one tap away
		assertThat(reply.details()).isEmpty();
		reply.detailsButton().click();
		assertThat(reply.details()).hasValue(chat.choose("theme", null, "web").answer());
		assertThat(reply.detailsButton().isDisplayed()).isFalse();
	}

	@Test
	void offTopicQuestionShowsTheFallbackAndATopicAndFollowUpButtonAnswer() {
		page.open(url());
		ChatPage.Reply fallback = page.ask(OFF_TOPIC_QUESTION);
		assertThat(fallback.outcome()).isEqualTo("declined");
		assertThat(fallback.answer()).isEqualTo(chat.ask(new Question(OFF_TOPIC_QUESTION, null, "test")).answer());
		assertThat(fallback.sourceLine()).isEmpty();
		assertThat(fallback.titles("topics")).containsExactlyElementsOf(menuTitles());
		chromium.screenshot("desktop-fallback");

		Choice topic = chat.menu().get(0);
		ChatPage.Reply topicReply = page.press(fallback.buttons("topics").get(0));
		org.qualitymonth.assistant.chat.Reply expected = chat.choose(topic.intent(), null, "web");
		assertThat(page.userMessages()).last().isEqualTo(topic.title());
		assertThat(topicReply.intent()).isEqualTo(topic.intent());
		assertThat(topicReply.answer()).isEqualTo(expected.answer());
		assertThat(topicReply.sourceLine()).isEqualTo(Optional.ofNullable(expected.source()).map(s -> "出处：" + s));
		assertThat(topicReply.titles("related")).isNotEmpty().containsExactlyElementsOf(titles(expected.related()));

		Choice next = expected.related().get(0);
		ChatPage.Reply followUp = page.press(topicReply.buttons("related").get(0));
		assertThat(followUp.intent()).isEqualTo(next.intent());
		assertThat(followUp.answer()).isEqualTo(chat.choose(next.intent(), null, "web").answer());
		chromium.screenshot("desktop-topic-and-follow-up");
	}

	@Test
	void unsureAnswerOffersTheAlternativesAsButtons() throws IOException {
		Optional<String> unsure = heldOutQuestions().stream()
			.filter(q -> chat.ask(new Question(q, null, "test")).outcome() == Outcome.SUGGESTED)
			.findFirst();
		assumeTrue(unsure.isPresent(), "the engine is sure or declines on every held-out question");
		org.qualitymonth.assistant.chat.Reply expected = chat.ask(new Question(unsure.get(), null, "test"));
		page.open(url());
		ChatPage.Reply reply = page.ask(unsure.get());
		assertThat(reply.outcome()).isEqualTo("suggested");
		assertThat(reply.answer()).isEqualTo(expected.answer());
		assertThat(reply.titles("suggestions")).isNotEmpty().containsExactlyElementsOf(titles(expected.suggestions()));
		chromium.screenshot("desktop-suggestions");

		Choice alternative = expected.suggestions().get(0);
		ChatPage.Reply chosen = page.press(reply.buttons("suggestions").get(0));
		assertThat(chosen.intent()).isEqualTo(alternative.intent());
		assertThat(chosen.answer()).isEqualTo(chat.choose(alternative.intent(), null, "web").answer());
	}

	@Test
	void feedbackIsRecordedForThatReply() {
		page.open(url());
		ChatPage.Reply liked = page.ask(THEME_QUESTION);
		liked.feedbackButton(true).click();
		page.await("thanks for 👍", d -> liked.feedbackThanks().isDisplayed());
		assertThat(feedback.received()).contains(Map.entry(liked.id(), true));
		assertThat(liked.feedbackButton(true).getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(liked.feedbackButton(false).isEnabled()).isFalse();

		ChatPage.Reply disliked = page.press(liked.buttons("related").get(0));
		disliked.feedbackButton(false).click();
		page.await("thanks for 👎", d -> disliked.feedbackThanks().isDisplayed());
		assertThat(disliked.id()).isNotEqualTo(liked.id());
		assertThat(feedback.received()).contains(Map.entry(disliked.id(), false))
			.doesNotContain(Map.entry(disliked.id(), true));
	}

	@Test
	void followUpAfterAReloadKeepsTheTopicOfTheConversation() {
		assertThat(chat.ask(new Question("那网址呢", null, "test")).intent())
			.as("precondition: on its own the follow-up is not read as the complaint topic")
			.isNotEqualTo("complaint_12315");
		page.open(url());
		assertThat(page.ask("怎么投诉").intent()).isEqualTo("complaint_12315");
		Object session = chromium.script("return window.sessionStorage.getItem('qm-assistant-session')");
		assertThat(session).asString().matches("[0-9a-f]{32}");

		page.open(url());
		assertThat(chromium.script("return window.sessionStorage.getItem('qm-assistant-session')")).isEqualTo(session);
		ChatPage.Reply followUp = page.ask("那网址呢");
		assertThat(followUp.intent()).isEqualTo("complaint_12315");
		assertThat(followUp.answer()).contains("www.12315.cn");
	}

	@Test
	void the12315ChannelIsOneTapAway() {
		page.open(url());
		assertThat(page.hotlineLink().isDisplayed()).isTrue();
		assertThat(page.hotlineLink().getDomAttribute("href")).isEqualTo("tel:12315");
		ChatPage.Reply reply = page.press(page.channel12315Button());
		org.qualitymonth.assistant.chat.Reply expected = chat.choose("complaint_12315", null, "web");
		assertThat(reply.intent()).isEqualTo("complaint_12315");
		assertThat(reply.answer()).isEqualTo(expected.answer()).contains("12315");
		assertThat(reply.sourceLine()).hasValue("出处：" + expected.source());
	}

	@Test
	void usableWithTheKeyboardAlone() {
		page.open(url());
		Actions keys = new Actions(chromium.driver());
		keys.sendKeys(Keys.TAB).perform();
		WebElement skipLink = chromium.driver().switchTo().activeElement();
		assertThat(skipLink.getDomAttribute("class")).isEqualTo("skip-link");
		assertFocusIsVisible(skipLink);
		keys.sendKeys(Keys.ENTER).perform();
		assertThat(chromium.driver().switchTo().activeElement()).isEqualTo(page.input());

		keys.sendKeys(THEME_QUESTION).perform();
		ChatPage.Reply reply = page.afterwards(() -> keys.sendKeys(Keys.ENTER).perform());
		assertThat(reply.intent()).isEqualTo("theme");

		// backwards from the input box: the hotline link, the 12315 button, then the last
		// reply's 👎
		keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB).keyUp(Keys.SHIFT).perform();
		WebElement focused = chromium.driver().switchTo().activeElement();
		assertThat(focused).isEqualTo(reply.feedbackButton(false));
		assertFocusIsVisible(focused);
		keys.sendKeys(Keys.ENTER).perform();
		page.await("thanks for 👎", d -> reply.feedbackThanks().isDisplayed());
		assertThat(feedback.received()).contains(Map.entry(reply.id(), false));
	}

	@Test
	void aQuestionThatCannotBeSentGoesBackIntoTheInputBox() {
		page.open(url());
		page.input().sendKeys(THEME_QUESTION);
		chromium.offline(true);
		try {
			WebElement error = page.failing(() -> page.input().sendKeys(Keys.ENTER));
			assertThat(error.getText()).contains("12315");
		}
		finally {
			chromium.offline(false);
		}
		assertThat(page.input().getDomProperty("value")).isEqualTo(THEME_QUESTION);
		assertThat(chromium.console()).as("the refused request is logged").isNotEmpty();

		ChatPage.Reply retried = page.afterwards(() -> page.input().sendKeys(Keys.ENTER));
		assertThat(retried.intent()).isEqualTo("theme");
	}

	@Test
	void readableAtPhoneWidth() {
		chromium.phoneScreen();
		page.open(url());
		assertThat(chromium.script("return window.innerWidth")).isEqualTo(360L);
		assertFitsThePhone();
		chromium.screenshot("phone-welcome");

		assertThat(page.ask(THEME_QUESTION).answer()).contains("建设质量强国");
		assertThat(page.ask(OFF_TOPIC_QUESTION).titles("topics")).containsExactlyElementsOf(menuTitles());
		// the longest unbroken text in the answers: an e-mail address
		assertThat(page.ask("联系邮箱是多少").answer()).contains("caiyugang@samr.gov.cn");
		assertFitsThePhone();
		chromium.screenshot("phone-conversation");
	}

	@Test
	void onlyTheMessageListScrollsAfterFifteenQuestionsOnAPhone() {
		chromium.phoneScreen();
		page.open(url());
		askFifteenQuestions();
		assertOnlyTheMessageListScrolls(360);
		chromium.screenshot("phone-fifteen-questions");
	}

	@Test
	void onlyTheMessageListScrollsAfterFifteenQuestionsOnADesktop() {
		page.open(url());
		askFifteenQuestions();
		assertOnlyTheMessageListScrolls(HeadlessChromium.DESKTOP_WIDTH);
		chromium.screenshot("desktop-fifteen-questions");
	}

	@Test
	void aThrottledQuestionSaysHowLongToWait() throws Exception {
		page.open(url());
		String session = (String) chromium.script("return window.sessionStorage.getItem('qm-assistant-session')");
		HttpClient http = HttpClient.newHttpClient();
		int status = 0;
		for (int i = 0; i < 100 && status != 429; i++) {
			status = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ask"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"text\": \"质量月\", \"sessionId\": \"" + session + "\"}"))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		assertThat(status).as("the session's questions run out").isEqualTo(429);
		page.input().sendKeys(THEME_QUESTION);
		WebElement error = page.failing(() -> page.input().sendKeys(Keys.ENTER));
		assertThat(error.getText()).matches("(?s).*请在 ([1-9][0-9]?) 秒后再提问.*").doesNotContain("请缩短或修改");
		int seconds = Integer.parseInt(error.getText().replaceAll("(?s).*请在 ([0-9]+) 秒后再提问.*", "$1"));
		assertThat(seconds).isBetween(1, 60);
		assertThat(page.input().getDomProperty("value")).isEqualTo(THEME_QUESTION);
		// the refused request is logged by the browser as a failed resource load; nothing
		// else
		assertThat(chromium.consoleProblems()).allSatisfy(line -> assertThat(line).contains("429"));
		chromium.console();
	}

	@Test
	void unknownAddressShowsAChinesePageWithTheWayBack() {
		for (boolean phone : new boolean[] { true, false }) {
			if (phone) {
				chromium.phoneScreen();
			}
			else {
				chromium.desktopScreen();
			}
			chromium.driver().get("http://127.0.0.1:" + port + "/no-such-page");
			String text = chromium.driver().findElement(org.openqa.selenium.By.tagName("body")).getText();
			assertThat(chromium.driver().getTitle()).startsWith("找不到这个页面");
			assertThat(text).contains("找不到这个页面", "返回问答首页", "404")
				.doesNotContain("Whitelabel", "Not Found", "Exception", "error", "Error");
			chromium.driver().findElement(org.openqa.selenium.By.linkText("返回问答首页")).click();
			page.awaitTopics();
		}
		chromium.console();
	}

	private void askFifteenQuestions() {
		List<String> questions = List.of(THEME_QUESTION, OFF_TOPIC_QUESTION, "联系人是谁", "活动时间", "怎么投诉");
		for (int i = 0; i < 15; i++) {
			page.ask(questions.get(i % questions.size()));
		}
		assertThat(page.replies()).hasSize(15);
	}

	@SuppressWarnings("unchecked")
	private void assertOnlyTheMessageListScrolls(long viewportWidth) {
		assertThat((Long) chromium.script("return window.innerWidth")).isEqualTo(viewportWidth);
		long viewportHeight = (Long) chromium.script("return window.innerHeight");
		assertThat((Long) chromium.script("return document.documentElement.scrollHeight")).as("page height")
			.isLessThanOrEqualTo(viewportHeight);
		assertThat((Long) chromium.script("return document.body.scrollHeight")).as("body height")
			.isLessThanOrEqualTo(viewportHeight);
		chromium.script("window.scrollTo(0, 10000)");
		assertThat(((Number) chromium.script("return window.scrollY")).longValue()).as("the page itself scrolls")
			.isZero();
		Object scrollers = chromium.script("return Array.from(document.querySelectorAll('*'))"
				+ ".filter(e => e.scrollHeight > e.clientHeight + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))"
				+ ".map(e => e.className)");
		assertThat((List<Object>) scrollers).as("elements that scroll").containsExactly("conversation");
	}

	private void assertFitsThePhone() {
		assertThat((Long) chromium.script("return document.documentElement.scrollWidth")).as("page width")
			.isLessThanOrEqualTo(360);
		Object wider = chromium.script("return Array.from(document.querySelectorAll('body *'))"
				+ ".filter(e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 0.5)"
				+ ".map(e => e.tagName + '.' + e.className)");
		assertThat((List<?>) wider).as("elements sticking out on the right").isEmpty();
		for (WebElement control : List.of(page.input(), page.sendButton())) {
			assertThat(control.isDisplayed()).isTrue();
			Rectangle box = control.getRect();
			assertThat(box.getX()).isGreaterThanOrEqualTo(0);
			assertThat(box.getX() + box.getWidth()).isLessThanOrEqualTo(360);
			assertThat(box.getY() + box.getHeight()).isLessThanOrEqualTo(740);
		}
		assertThat(page.input().getRect().getWidth()).as("room to type").isGreaterThan(150);
		assertThat(page.input().getCssValue("font-size")).as("no zoom-on-focus, readable").isEqualTo("16px");
	}

	private static void assertFocusIsVisible(WebElement element) {
		assertThat(element.getCssValue("outline-style")).isEqualTo("solid");
		assertThat(element.getCssValue("outline-width")).isEqualTo("3px");
	}

	private String url() {
		return "http://127.0.0.1:" + port + "/";
	}

	private List<String> menuTitles() {
		return titles(chat.menu());
	}

	private static List<String> titles(List<Choice> choices) {
		return choices.stream().map(Choice::title).toList();
	}

	private static List<String> heldOutQuestions() throws IOException {
		List<String> questions = new ArrayList<>();
		for (String file : List.of("/eval/inscope_heldout.tsv", "/eval/oos_heldout.tsv")) {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(ChatPageBrowserIT.class.getResourceAsStream(file), StandardCharsets.UTF_8))) {
				in.lines()
					.skip(1)
					.map(line -> line.split("\t"))
					.filter(f -> f.length > 2)
					.forEach(f -> questions.add(f[2]));
			}
		}
		return questions;
	}

}
