package org.qualitymonth.assistant.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * {@code POST /telegram/webhook}: Telegram delivers updates here in webhook mode. A
 * request without the registered secret in {@code X-Telegram-Bot-Api-Secret-Token} is
 * refused (401 missing, 403 wrong) before anything else is looked at. The answer is 200
 * only once the update was handled; a 503 makes Telegram deliver it again, and the ledger
 * makes sure it is still answered once.
 */
@RestController
@Conditional(TelegramConditions.WebhookMode.class)
class TelegramWebhookController {

	static final String PATH = "/telegram/webhook";

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	/** Updates are a few kilobytes; anything this big is not from Telegram. */
	private static final int MAX_BODY_BYTES = 1 << 20;

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

	private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	private final TelegramBot bot;

	private final WebhookSecret secret;

	private final TelegramSettings settings;

	TelegramWebhookController(TelegramBot bot, WebhookSecret secret, TelegramSettings settings) {
		this.bot = bot;
		this.secret = secret;
		this.settings = settings;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String presented,
			HttpServletRequest request) throws IOException {
		if (presented == null || presented.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		if (!secret.matches(presented)) {
			log.warn("Telegram webhook: refused a request from {} with a wrong secret", request.getRemoteAddr());
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		if (request.getContentType() == null
				|| !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
			return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		Update update;
		try {
			update = json.readValue(body, Update.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			log.warn("Telegram webhook: the body is not an update: {}", ex.getOriginalMessage());
			return ResponseEntity.badRequest().build();
		}
		if (update == null || update.getUpdateId() == null) {
			return ResponseEntity.badRequest().build();
		}
		if (!bot.accepting()) {
			// shutting down: Telegram keeps the update and delivers it again after the
			// restart
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		try {
			bot.handle(update).get(settings.webhook().replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return ResponseEntity.ok().build();
		}
		catch (TimeoutException ex) {
			log.warn("Telegram webhook: update {} still in hand after {}; Telegram will deliver it again",
					update.getUpdateId(), settings.webhook().replyTimeout());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		catch (ExecutionException ex) {
			// handle() never fails its future; should it ever, the failure is logged
			// where it happened
			return ResponseEntity.ok().build();
		}
	}

}
