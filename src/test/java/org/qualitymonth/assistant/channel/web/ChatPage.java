package org.qualitymonth.assistant.channel.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The citizen chat page as a test sees it: what a citizen can type, press and read. */
final class ChatPage {

	private final WebDriver driver;

	private final WebDriverWait wait;

	ChatPage(WebDriver driver) {
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/** Opens the page and waits until the welcome shows its topic buttons. */
	ChatPage open(String url) {
		driver.get(url);
		return awaitTopics();
	}

	ChatPage awaitTopics() {
		wait.withMessage("welcome topic buttons").until(d -> !welcomeTopics().isEmpty());
		return this;
	}

	List<WebElement> welcomeTopics() {
		return driver.findElements(By.cssSelector("#welcome-topics button.choice"));
	}

	WebElement input() {
		return driver.findElement(By.id("question"));
	}

	WebElement sendButton() {
		return driver.findElement(By.id("send"));
	}

	WebElement channel12315Button() {
		return driver.findElement(By.cssSelector(".channel-12315 button.choice"));
	}

	WebElement hotlineLink() {
		return driver.findElement(By.cssSelector(".channel-12315 a.call-link"));
	}

	List<WebElement> replies() {
		return driver.findElements(By.cssSelector("#messages .reply"));
	}

	List<WebElement> errors() {
		return driver.findElements(By.cssSelector("#messages .msg.error"));
	}

	List<String> userMessages() {
		return driver.findElements(By.cssSelector("#messages .msg.user .text"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Types the question, presses Enter and returns the reply it gets. */
	Reply ask(String question) {
		input().sendKeys(question);
		return afterwards(() -> input().sendKeys(Keys.ENTER));
	}

	Reply press(WebElement button) {
		return afterwards(button::click);
	}

	/**
	 * Does what the citizen does and waits for the bot's next message, which must be a
	 * reply, not an error.
	 */
	Reply afterwards(Runnable action) {
		int replies = replies().size();
		int errors = errors().size();
		action.run();
		wait.withMessage("a reply or an error message")
			.until(d -> replies().size() > replies || errors().size() > errors);
		assertThat(errors()).as("error messages").hasSize(errors);
		return new Reply(replies().get(replies));
	}

	/** Does what the citizen does and waits for an error message in the conversation. */
	WebElement failing(Runnable action) {
		int errors = errors().size();
		action.run();
		wait.withMessage("an error message").until(d -> errors().size() > errors);
		return errors().get(errors);
	}

	void await(String what, java.util.function.Function<WebDriver, Boolean> condition) {
		wait.withMessage(what).until(condition);
	}

	/** One bot reply in the conversation. */
	record Reply(WebElement element) {

		String id() {
			return element.getDomAttribute("data-reply-id");
		}

		String outcome() {
			return element.getDomAttribute("data-outcome");
		}

		String intent() {
			return element.getDomAttribute("data-intent");
		}

		/** The answer exactly as inserted (textContent), line breaks included. */
		String answer() {
			return element.findElement(By.cssSelector(".answer")).getDomProperty("textContent");
		}

		/** The full paragraph behind a short answer, once shown. */
		Optional<String> details() {
			WebElement details = element.findElement(By.cssSelector(".details"));
			return details.isDisplayed() ? Optional.of(details.getText()) : Optional.empty();
		}

		WebElement detailsButton() {
			return element.findElement(By.cssSelector(".details-toggle"));
		}

		/** The visible source line, e.g. "出处：一、活动主题"; empty when the reply has none. */
		Optional<String> sourceLine() {
			WebElement source = element.findElement(By.cssSelector(".source"));
			return source.isDisplayed() ? Optional.of(source.getText()) : Optional.empty();
		}

		/** The visible buttons of one section: suggestions, topics or related. */
		List<WebElement> buttons(String section) {
			return element.findElements(By.cssSelector("." + section + " button.choice"))
				.stream()
				.filter(WebElement::isDisplayed)
				.toList();
		}

		List<String> titles(String section) {
			return buttons(section).stream().map(WebElement::getText).toList();
		}

		WebElement feedbackButton(boolean helpful) {
			return element.findElement(By.cssSelector(".feedback-button[data-helpful='" + helpful + "']"));
		}

		WebElement feedbackThanks() {
			return element.findElement(By.cssSelector(".feedback-thanks"));
		}

	}

}
