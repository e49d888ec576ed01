package org.qualitymonth.assistant.channel.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

import org.qualitymonth.assistant.channel.delivery.DeliveryLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Connects the bot once the application is up: getMe, then either long polling or
 * registering the webhook. It retries in the background while Telegram is unreachable, so
 * the application starts without network; a token Telegram refuses switches the channel
 * off with an error. On shutdown it stops polling first and then lets the outbox finish.
 */
final class TelegramLifecycle implements SmartLifecycle {

	/** The update kinds the bot answers; Telegram sends no others. */
	static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query");

	private static final Logger log = LoggerFactory.getLogger(TelegramLifecycle.class);

	/**
	 * How long a poll waits for updates in hand to finish before asking again, so their
	 * offset can move on.
	 */
	private static final Duration POLL_HOLD = Duration.ofSeconds(1);

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

	private final TelegramSettings settings;

	private final TelegramClient client;

	private final TelegramBot bot;

	private final DeliveryLedger ledger;

	private final Outbox outbox;

	private final OkHttpClient http;

	private final WebhookSecret secret;

	private final Privacy privacy;

	private volatile boolean running;

	private Thread connector;

	private TelegramBotsLongPollingApplication polling;

	private ScheduledExecutorService pollThread;

	TelegramLifecycle(TelegramSettings settings, TelegramClient client, TelegramBot bot, DeliveryLedger ledger,
			Outbox outbox, OkHttpClient http, WebhookSecret secret, Privacy privacy) {
		this.settings = settings;
		this.client = client;
		this.bot = bot;
		this.ledger = ledger;
		this.outbox = outbox;
		this.http = http;
		this.secret = secret;
		this.privacy = privacy;
	}

	static TelegramUrl telegramUrl(java.net.URI apiUrl) {
		int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : apiUrl.getScheme().equalsIgnoreCase("https") ? 443 : 80;
		return new TelegramUrl(apiUrl.getScheme().toLowerCase(java.util.Locale.ROOT), apiUrl.getHost(), port, false);
	}

	@Override
	public synchronized void start() {
		running = true;
		connector = new Thread(this::connect, "telegram-connect");
		connector.setDaemon(true);
		connector.start();
	}

	@Override
	public void stop() {
		Thread starting;
		synchronized (this) {
			running = false;
			starting = connector;
		}
		if (starting != null) {
			starting.interrupt();
			try {
				starting.join(TimeUnit.SECONDS.toMillis(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		stopPolling();
		outbox.close(SHUTDOWN_GRACE);
		http.dispatcher().executorService().shutdown();
		http.connectionPool().evictAll();
		log.info("Telegram channel stopped");
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Starts after the web server and stops after its graceful shutdown: webhook requests
	 * still in hand at shutdown get their replies out before the outbox closes.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

	private void connect() {
		Backoff backoff = new Backoff(settings.retry());
		while (running) {
			try {
				User me = client.execute(new GetMe());
				bot.identify(me);
				if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
					registerWebhook(me);
				}
				else {
					startPolling(me);
				}
				return;
			}
			catch (TelegramApiRequestException ex) {
				int code = ex.getErrorCode() == null ? 0 : ex.getErrorCode();
				if (code == 401 || code == 404) {
					log.error(
							"Telegram refused the bot token ({}): check bot.telegram.token / BOT_TELEGRAM_TOKEN."
									+ " The Telegram channel is off until the application is restarted.",
							privacy.describe(ex));
					return;
				}
				if (code >= 400 && code < 500 && code != 429) {
					// asking again will not help: say what Telegram objected to and stay
					// off
					log.error(
							"Telegram refused to set up the bot ({}){}. The Telegram channel is off until the"
									+ " application is restarted.",
							privacy.describe(ex),
							settings.mode() == TelegramSettings.Mode.WEBHOOK ? "; check bot.telegram.webhook.url" : "");
					return;
				}
				waitBeforeRetry(backoff, ex);
			}
			catch (TelegramApiException | RuntimeException ex) {
				stopPolling();
				waitBeforeRetry(backoff, ex);
			}
		}
	}

	private void waitBeforeRetry(Backoff backoff, Exception ex) {
		if (!running) {
			return;
		}
		long wait = backoff.nextBackOffMillis();
		log.warn("Telegram Bot API at {} not usable yet ({}); retrying in {} ms", settings.apiUrl().getHost(),
				privacy.describe(ex), wait);
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	private void registerWebhook(User me) throws TelegramApiException {
		TelegramSettings.Webhook webhook = settings.webhook();
		Boolean ok = client.execute(SetWebhook.builder()
			.url(webhook.url())
			.secretToken(secret.value())
			.allowedUpdates(ALLOWED_UPDATES)
			.maxConnections(webhook.maxConnections())
			.dropPendingUpdates(false)
			.build());
		if (!Boolean.TRUE.equals(ok)) {
			throw new TelegramApiException("setWebhook returned " + ok);
		}
		log.info("Telegram bot @{} is answering: webhook {} registered (updates: {})", me.getUserName(), webhook.url(),
				ALLOWED_UPDATES);
	}

	private synchronized void startPolling(User me) throws TelegramApiException {
		if (!running) {
			return;
		}
		pollThread = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "telegram-poll");
			thread.setDaemon(true);
			return thread;
		});
		OkHttpClient pollingHttp = http.newBuilder()
			.readTimeout(settings.pollTimeout().plusSeconds(15))
			.callTimeout(settings.pollTimeout().plusSeconds(30))
			.addInterceptor(this::quietWhenStopping)
			.build();
		ScheduledExecutorService executor = pollThread;
		polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollingHttp, () -> executor,
				() -> new Backoff(settings.retry()));
		// registerBot deletes any webhook (Telegram refuses getUpdates while one is set),
		// then polls
		polling.registerBot(settings.token(), () -> telegramUrl(settings.apiUrl()), this::nextPoll, this::consume);
		log.info("Telegram bot @{} is answering: long polling {}", me.getUserName(), settings.apiUrl().getHost());
	}

	private synchronized void stopPolling() {
		if (pollThread != null) {
			// no interrupt: the library would log the cut-off long poll as an error. The
			// poll in
			// progress runs out on its own (at most poll-timeout), its updates are left
			// unacknowledged
			// for the next start, and no further poll is scheduled.
			pollThread.shutdown();
			pollThread = null;
		}
		polling = null;
	}

	/**
	 * A long poll that fails because the application is stopping (the server went away
	 * meanwhile) ends as an empty poll instead: the library would log it as an error, and
	 * it is none.
	 */
	private Response quietWhenStopping(Interceptor.Chain chain) throws IOException {
		try {
			return chain.proceed(chain.request());
		}
		catch (IOException ex) {
			if (running) {
				throw ex;
			}
			return new Response.Builder().request(chain.request())
				.protocol(Protocol.HTTP_1_1)
				.code(200)
				.message("OK")
				.body(ResponseBody.create("{\"ok\":true,\"result\":[]}", MediaType.get("application/json")))
				.build();
		}
	}

	/**
	 * The next getUpdates. Its offset acknowledges only updates whose handling finished;
	 * one still in hand keeps the offset at its id, so Telegram delivers it again if the
	 * process dies meanwhile.
	 */
	private GetUpdates nextPoll(Integer lastReceived) {
		try {
			ledger.awaitIdle(POLL_HOLD);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return GetUpdates.builder()
			.offset(ledger.offset(lastReceived))
			.limit(100)
			.timeout((int) Math.max(1, settings.pollTimeout().toSeconds()))
			.allowedUpdates(ALLOWED_UPDATES)
			.build();
	}

	/** Called by the polling loop, which dies on an exception: this never throws. */
	private void consume(List<Update> updates) {
		if (!running) {
			// stopping: leave them unacknowledged, the next start gets them again
			return;
		}
		for (Update update : updates) {
			try {
				bot.handle(update);
			}
			catch (Throwable ex) {
				log.error("Telegram update {} could not be handled: {}", update.getUpdateId(), privacy.describe(ex));
			}
		}
	}

}
