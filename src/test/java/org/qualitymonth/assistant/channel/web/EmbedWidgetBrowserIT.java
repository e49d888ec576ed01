package org.qualitymonth.assistant.channel.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embeddable widget ({@code /widget.js} on {@code /embed-demo.html}) and the embed
 * policy ({@code bot.web.embed-origins}, default self) in headless Chromium, under the
 * app's own Content-Security-Policy.
 */
@AppTest
class EmbedWidgetBrowserIT {

	static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		chromium = new HeadlessChromium();
	}

	@AfterAll
	static void stopBrowser() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void browserConsoleStaysClean() {
		chromium.driver().switchTo().defaultContent();
		chromium.desktopScreen();
		assertThat(chromium.consoleProblems()).as("errors and CSP violations in the browser console").isEmpty();
	}

	@Test
	void oneScriptTagAddsAButtonThatOpensTheChatInAFrame() {
		WebDriver driver = chromium.driver();
		driver.get(origin() + "/embed-demo.html");
		assertThat(driver.findElement(By.id("snippet-widget")).getText())
			.isEqualTo("<script src=\"" + origin() + "/widget.js\" defer></script>");
		WebElement button = driver.findElement(By.id("qm-assistant-button"));
		WebElement frame = driver.findElement(By.id("qm-assistant-frame"));
		assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(frame.isDisplayed()).isFalse();
		assertThat(frame.getDomAttribute("src")).as("the chat loads only when opened").isNull();

		button.click();
		assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(frame.isDisplayed()).isTrue();
		assertThat(frame.getDomAttribute("src")).isEqualTo(origin() + "/?embed=1");
		assertThat(frame.getAccessibleName()).isEqualTo("质量月智能问答");

		driver.switchTo().frame(frame);
		ChatPage chat = new ChatPage(driver).awaitTopics();
		assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).as("page title in the widget")
			.isFalse();
		ChatPage.Reply reply = chat.ask("质量月的主题是什么");
		assertThat(reply.answer()).contains("建设质量强国");
		assertThat(reply.sourceLine()).isPresent();
		driver.switchTo().defaultContent();
		chromium.screenshot("embed-widget-open");

		// keyboard focus is still in the chat's input box, inside the frame
		new Actions(driver).sendKeys(Keys.ESCAPE).perform();
		new ChatPage(driver).await("Escape closing the widget", d -> !frame.isDisplayed());
		assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(driver.switchTo().activeElement()).as("focus returns to the button").isEqualTo(button);
	}

	@Test
	void onAPhoneTheWidgetFillsTheScreenAboveItsCloseButton() {
		chromium.phoneScreen();
		WebDriver driver = chromium.driver();
		driver.get(origin() + "/embed-demo.html");
		WebElement button = driver.findElement(By.id("qm-assistant-button"));
		button.click();
		WebElement frame = driver.findElement(By.id("qm-assistant-frame"));
		Rectangle box = frame.getRect();
		int buttonTop = button.getRect().getY();
		assertThat(box.getX()).isZero();
		assertThat(box.getY()).isZero();
		assertThat(box.getWidth()).isEqualTo(360);
		assertThat(box.getY() + box.getHeight()).as("frame bottom")
			.isLessThanOrEqualTo(buttonTop)
			.isGreaterThanOrEqualTo(buttonTop - 24);

		driver.switchTo().frame(frame);
		ChatPage chat = new ChatPage(driver).awaitTopics();
		assertThat(chat.ask("附近有什么好吃的").outcome()).isEqualTo("declined");
		assertThat((Long) chromium.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
		assertThat(chat.input().isDisplayed()).isTrue();
		driver.switchTo().defaultContent();
		chromium.screenshot("embed-widget-phone");

		button.click();
		assertThat(frame.isDisplayed()).isFalse();
	}

	@Test
	void sitesNotListedInEmbedOriginsCannotFrameThePage() throws IOException {
		WebDriver driver = chromium.driver();
		driver.get(origin() + "/embed-demo.html");
		chromium.script("""
				const frame = document.createElement('iframe');
				frame.id = 'own';
				frame.src = arguments[0];
				document.body.appendChild(frame);""", origin() + "/?embed=1");
		driver.switchTo().frame("own");
		new ChatPage(driver).awaitTopics();
		driver.switchTo().defaultContent();

		// another site (same host, another port: another origin) that frames the chat
		// page; it sends no policy itself
		String page = "<!DOCTYPE html><title>foreign</title><iframe id=\"foreign\" src=\"" + origin()
				+ "/?embed=1\"></iframe>";
		HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		site.createContext("/", exchange -> {
			byte[] body = page.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		site.start();
		try {
			driver.get("http://127.0.0.1:" + site.getAddress().getPort() + "/");
			List<String> console = new ArrayList<>();
			new ChatPage(driver).await("the browser refusing the foreign frame", d -> {
				console.addAll(chromium.console());
				return console.stream().anyMatch(line -> line.contains("frame-ancestors 'self'"));
			});
			assertThat(console).filteredOn(line -> line.contains("SEVERE") || line.contains("WARNING"))
				.allMatch(line -> line.contains("frame-ancestors"));
			driver.switchTo().frame("foreign");
			assertThat(driver.findElements(By.id("messages"))).as("chat page inside the refused frame").isEmpty();
		}
		finally {
			driver.switchTo().defaultContent();
			site.stop(0);
		}
	}

	private String origin() {
		return "http://127.0.0.1:" + port;
	}

}
