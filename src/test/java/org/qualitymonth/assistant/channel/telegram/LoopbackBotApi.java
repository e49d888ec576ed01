package org.qualitymonth.assistant.channel.telegram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Telegram Bot API server on 127.0.0.1 for tests, as strict as Telegram wherever a bot
 * can go wrong: getUpdates with offsets (an update is gone once a higher offset was asked
 * for, long polls wait for updates, a second poller gets 409, no polling while a webhook
 * is set); sendMessage refuses unknown chats, empty texts, more than 4096 characters
 * after entity parsing, HTML that Telegram's parser rejects (unknown tags, unclosed tags,
 * bare {@code < > &}) and MarkdownV2 with unescaped reserved characters, with Telegram's
 * own {@code 400 Bad Request: can't parse
 * entities}; inline buttons need 1-64 bytes of callback_data; answerCallbackQuery accepts
 * each open query once; setWebhook needs an HTTPS URL on Telegram's ports and a
 * well-formed secret. Where Telegram's documentation is stricter than its parser (a bare
 * {@code &} or {@code >}), this server follows the documentation. Tests can make it
 * answer 429 with {@code parameters.retry_after} (and it keeps answering 429 to a client
 * that retries too early), or fail with 5xx.
 */
final class LoopbackBotApi implements AutoCloseable {

	static final long BOT_ID = 7_000_000_001L;

	static final String BOT_USERNAME = "QualityMonthTestBot";

	static final int MAX_TEXT = 4096;

	/**
	 * A message the bot sent and the server accepted. {@code plainText} is the text after
	 * entity parsing; {@code acceptedAt} is {@link System#nanoTime()} then (for
	 * measurements, not assertions).
	 */
	record Sent(long chatId, int messageId, String text, String parseMode, String plainText, JsonNode replyMarkup,
			Integer replyTo, long acceptedAt) {

		List<String> buttonTexts() {
			List<String> texts = new ArrayList<>();
			buttons().forEach(b -> texts.add(b.path("text").asString()));
			return texts;
		}

		List<String> callbackData() {
			List<String> data = new ArrayList<>();
			buttons().forEach(b -> data.add(b.path("callback_data").asString()));
			return data;
		}

		List<JsonNode> buttons() {
			List<JsonNode> buttons = new ArrayList<>();
			if (replyMarkup != null) {
				replyMarkup.path("inline_keyboard").forEach(row -> row.forEach(buttons::add));
			}
			return buttons;
		}

	}

	/** A request the server refused, as Telegram would. */
	record Rejection(String method, int code, String description) {
	}

	/** What an update the test posted ended up as. */
	record Posted(int updateId, int messageId, String callbackQueryId) {
	}

	private record Fault(String method, int code, String description, Integer retryAfter) {
	}

	private static final Set<String> HTML_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
			"span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");

	private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

	private static final String MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!";

	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

	private final String token;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "loopback-bot-api");
		thread.setDaemon(true);
		return thread;
	});

	private final JsonMapper json = JsonMapper.builder().build();

	private final Object lock = new Object();

	// everything below is guarded by lock

	private final List<ObjectNode> pending = new ArrayList<>();

	private int nextUpdateId = 800_000;

	private final List<Integer> offsets = new ArrayList<>();

	private final List<String> events = new ArrayList<>();

	private final List<Sent> sent = new ArrayList<>();

	private final List<Rejection> rejections = new ArrayList<>();

	private final Map<Long, String> chats = new HashMap<>();

	private final Map<Long, Integer> lastMessageId = new HashMap<>();

	private final Map<String, Long> openQueries = new HashMap<>();

	private final Map<String, String> answeredQueries = new LinkedHashMap<>();

	private final Deque<Fault> faults = new ArrayDeque<>();

	private final Map<Long, Long> floodedUntil = new HashMap<>();

	private int earlyRetries;

	private int pollGeneration;

	private String webhookUrl = "";

	private String webhookSecret;

	private JsonNode webhookAllowedUpdates;

	private JsonNode allowedUpdates;

	private int getMeCalls;

	LoopbackBotApi(String token) throws IOException {
		this(token, 0);
	}

	/** Started on any free port, for a static field of a test class. */
	static LoopbackBotApi started(String token) {
		try {
			return new LoopbackBotApi(token);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * On a given port (0: any free one), e.g. to come up where a bot has been knocking in
	 * vain.
	 */
	LoopbackBotApi(String token, int port) throws IOException {
		this.token = token;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		server.createContext("/", this::exchange);
		server.setExecutor(threads);
		server.start();
	}

	/** {@code http://127.0.0.1:port}, for {@code bot.telegram.api-url}. */
	String url() {
		return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

	// ---------------------------------------------------------------- what tests post

	/** A private chat with this user (Telegram gives it the user's id). */
	long privateChat(long userId) {
		synchronized (lock) {
			chats.put(userId, "private");
		}
		return userId;
	}

	/** A supergroup (negative id, as Telegram's are). */
	long group(long chatId) {
		synchronized (lock) {
			chats.put(chatId, "supergroup");
		}
		return chatId;
	}

	/**
	 * A text message; commands and @mentions get their entities, as Telegram's clients
	 * produce them.
	 */
	Posted says(long chatId, long userId, String text) {
		return postMessage(chatId, userId, message -> {
			message.put("text", text);
			ArrayNode entities = entities(text);
			if (!entities.isEmpty()) {
				message.set("entities", entities);
			}
		});
	}

	/** A text message replying to {@code repliedMessageId} (a message of the bot). */
	Posted replies(long chatId, long userId, int repliedMessageId, String text) {
		return postMessage(chatId, userId, message -> {
			message.put("text", text);
			ObjectNode replied = message.putObject("reply_to_message");
			replied.put("message_id", repliedMessageId);
			replied.set("from", botUser());
			replied.set("chat", chat(chatId));
			replied.put("date", now());
			replied.put("text", "(earlier reply)");
		});
	}

	Posted sendsPhoto(long chatId, long userId) {
		return postMessage(chatId, userId, message -> {
			ObjectNode size = message.putArray("photo").addObject();
			size.put("file_id", "AgACAgIAAxkBAAIB");
			size.put("file_unique_id", "AQADsmall");
			size.put("width", 90);
			size.put("height", 67);
			size.put("file_size", 1224);
		});
	}

	Posted sendsSticker(long chatId, long userId) {
		return postMessage(chatId, userId, message -> {
			ObjectNode sticker = message.putObject("sticker");
			sticker.put("file_id", "CAACAgIAAxkBAAIC");
			sticker.put("file_unique_id", "AgADsticker");
			sticker.put("type", "regular");
			sticker.put("width", 512);
			sticker.put("height", 512);
			sticker.put("is_animated", false);
			sticker.put("is_video", false);
			sticker.put("emoji", "👍");
		});
	}

	Posted sendsVoice(long chatId, long userId) {
		return postMessage(chatId, userId, message -> {
			ObjectNode voice = message.putObject("voice");
			voice.put("file_id", "AwACAgIAAxkBAAID");
			voice.put("file_unique_id", "AgADvoice");
			voice.put("duration", 3);
			voice.put("mime_type", "audio/ogg");
		});
	}

	Posted sendsDocument(long chatId, long userId) {
		return postMessage(chatId, userId, message -> {
			ObjectNode document = message.putObject("document");
			document.put("file_id", "BQACAgIAAxkBAAIE");
			document.put("file_unique_id", "AgADdoc");
			document.put("file_name", "质量月.pdf");
		});
	}

	/** A press on a button of the bot's message {@code botMessageId}. */
	Posted presses(long chatId, long userId, int botMessageId, String callbackData) {
		synchronized (lock) {
			String queryId = Long.toString(4_000_000_000_000L + nextUpdateId);
			ObjectNode query = json.createObjectNode();
			query.put("id", queryId);
			query.set("from", user(userId));
			ObjectNode message = query.putObject("message");
			message.put("message_id", botMessageId);
			message.set("from", botUser());
			message.set("chat", chat(chatId));
			message.put("date", now());
			message.put("text", "(message with buttons)");
			query.put("chat_instance", "-" + Math.abs(chatId));
			query.put("data", callbackData);
			openQueries.put(queryId, chatId);
			ObjectNode update = json.createObjectNode();
			int id = nextUpdateId++;
			update.put("update_id", id);
			update.set("callback_query", query);
			pending.add(update);
			lock.notifyAll();
			return new Posted(id, botMessageId, queryId);
		}
	}

	/** Runs {@code posting} so that a poll sees all of its updates or none of them. */
	void atOnce(Runnable posting) {
		synchronized (lock) {
			posting.run();
		}
	}

	/** The JSON of a text message update, for delivering it to a webhook by hand. */
	String textUpdateJson(int updateId, long chatId, long userId, String text) {
		synchronized (lock) {
			chats.putIfAbsent(chatId, chatId > 0 ? "private" : "supergroup");
			ObjectNode update = json.createObjectNode();
			update.put("update_id", updateId);
			ObjectNode message = update.putObject("message");
			message.put("message_id", nextMessageId(chatId));
			message.set("from", user(userId));
			message.set("chat", chat(chatId));
			message.put("date", now());
			message.put("text", text);
			return update.toString();
		}
	}

	// ---------------------------------------------------------------- faults

	/**
	 * The next sendMessage gets 429 with this retry_after; the chat stays flooded that
	 * long.
	 */
	void throttleNextSend(int retryAfterSeconds) {
		synchronized (lock) {
			faults.add(new Fault("sendmessage", 429, "Too Many Requests: retry after " + retryAfterSeconds,
					retryAfterSeconds));
		}
	}

	/** The next {@code times} calls of {@code method} fail with this error. */
	void failNext(String method, int times, int code, String description) {
		synchronized (lock) {
			for (int i = 0; i < times; i++) {
				faults.add(new Fault(method.toLowerCase(Locale.ROOT), code, description, null));
			}
		}
	}

	// ---------------------------------------------------------------- what tests check

	/** Waits until {@code count} messages went to the chat; returns them all. */
	List<Sent> awaitSent(long chatId, int count, Duration timeout) {
		awaitTrue(() -> sentTo(chatId).size() >= count, timeout, () -> "expected " + count + " message(s) to chat "
				+ chatId + ", got " + sentTo(chatId) + "; rejections " + rejections());
		return sentTo(chatId);
	}

	List<Sent> sentTo(long chatId) {
		synchronized (lock) {
			return sent.stream().filter(s -> s.chatId() == chatId).toList();
		}
	}

	List<Sent> sent() {
		synchronized (lock) {
			return List.copyOf(sent);
		}
	}

	List<Rejection> rejections() {
		synchronized (lock) {
			return List.copyOf(rejections);
		}
	}

	/** Retries that came before the retry_after Telegram asked for. */
	int earlyRetries() {
		synchronized (lock) {
			return earlyRetries;
		}
	}

	/** The offset of every getUpdates so far, in order. */
	List<Integer> offsets() {
		synchronized (lock) {
			return List.copyOf(offsets);
		}
	}

	/**
	 * What happened, in order: {@code getUpdates offset=N},
	 * {@code sendMessage chat=C 200|429|...}, ...
	 */
	List<String> events() {
		synchronized (lock) {
			return List.copyOf(events);
		}
	}

	/**
	 * Waits until a getUpdates asked for an offset above {@code updateId}, confirming it.
	 */
	void awaitConfirmed(int updateId, Duration timeout) {
		awaitTrue(() -> offsets().stream().anyMatch(offset -> offset > updateId), timeout,
				() -> "update " + updateId + " never confirmed; offsets " + offsets());
	}

	/**
	 * The texts the bot answered callback queries with, by query id (null text: none).
	 */
	Map<String, String> answeredQueries() {
		synchronized (lock) {
			return new LinkedHashMap<>(answeredQueries);
		}
	}

	void awaitAnswered(String callbackQueryId, Duration timeout) {
		awaitTrue(() -> answeredQueries().containsKey(callbackQueryId), timeout,
				() -> "callback query " + callbackQueryId + " never answered; rejections " + rejections());
	}

	String webhookUrl() {
		synchronized (lock) {
			return webhookUrl;
		}
	}

	String webhookSecret() {
		synchronized (lock) {
			return webhookSecret;
		}
	}

	JsonNode webhookAllowedUpdates() {
		synchronized (lock) {
			return webhookAllowedUpdates;
		}
	}

	int getMeCalls() {
		synchronized (lock) {
			return getMeCalls;
		}
	}

	void awaitTrue(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> failure) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (lock) {
			while (!condition.getAsBoolean()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError(failure.get());
				}
				try {
					lock.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError("interrupted");
				}
			}
		}
	}

	// ---------------------------------------------------------------- the HTTP side

	private void exchange(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			Matcher matcher = Pattern.compile("/bot([^/]+)/([A-Za-z]+)").matcher(path);
			if (!"POST".equals(exchange.getRequestMethod()) && !"GET".equals(exchange.getRequestMethod())) {
				respond(exchange, error(405, "Method Not Allowed"));
				return;
			}
			if (!matcher.matches()) {
				respond(exchange, error(404, "Not Found"));
				return;
			}
			if (!matcher.group(1).equals(token)) {
				respond(exchange, error(401, "Unauthorized"));
				return;
			}
			String method = matcher.group(2).toLowerCase(Locale.ROOT);
			Map<String, JsonNode> params;
			try {
				params = params(exchange);
			}
			catch (RuntimeException ex) {
				respond(exchange, reject(method, 400, "Bad Request: can't parse request: " + ex.getMessage()));
				return;
			}
			respond(exchange, call(method, params));
		}
	}

	private ObjectNode call(String method, Map<String, JsonNode> params) {
		if (method.equals("getupdates")) {
			return getUpdates(params);
		}
		synchronized (lock) {
			try {
				return switch (method) {
					case "getme" -> {
						getMeCalls++;
						yield ok(botUser().put("can_join_groups", true).put("can_read_all_group_messages", false));
					}
					case "sendmessage" -> sendMessage(params);
					case "answercallbackquery" -> answerCallbackQuery(params);
					case "setwebhook" -> setWebhook(params);
					case "deletewebhook" -> deleteWebhook(params);
					case "getwebhookinfo" -> getWebhookInfo();
					default -> reject(method, 404, "Not Found: method not found");
				};
			}
			finally {
				lock.notifyAll();
			}
		}
	}

	private ObjectNode getUpdates(Map<String, JsonNode> params) {
		synchronized (lock) {
			if (!webhookUrl.isEmpty()) {
				return reject("getupdates", 409,
						"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
			}
			int offset = intParam(params, "offset", 0);
			int limit = intParam(params, "limit", 100);
			int timeout = intParam(params, "timeout", 0);
			if (limit < 1 || limit > 100 || timeout < 0) {
				return reject("getupdates", 400, "Bad Request: wrong limit or timeout");
			}
			if (params.containsKey("allowed_updates")) {
				allowedUpdates = params.get("allowed_updates");
			}
			offsets.add(offset);
			events.add("getUpdates offset=" + offset);
			// an update is confirmed, and forgotten, once an offset above its id was
			// asked for
			pending.removeIf(update -> update.path("update_id").asInt() < offset);
			int generation = ++pollGeneration;
			lock.notifyAll();
			long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
			while (true) {
				if (generation != pollGeneration) {
					return reject("getupdates", 409,
							"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
				}
				ArrayNode result = json.createArrayNode();
				for (ObjectNode update : pending) {
					if (update.path("update_id").asInt() >= offset && allowed(update) && result.size() < limit) {
						result.add(update);
					}
				}
				long left = deadline - System.nanoTime();
				if (!result.isEmpty() || left <= 0) {
					return ok(result);
				}
				try {
					lock.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return ok(json.createArrayNode());
				}
			}
		}
	}

	private boolean allowed(ObjectNode update) {
		if (allowedUpdates == null || !allowedUpdates.isArray() || allowedUpdates.isEmpty()) {
			return true;
		}
		for (JsonNode kind : allowedUpdates) {
			if (update.has(kind.asString())) {
				return true;
			}
		}
		return false;
	}

	private ObjectNode sendMessage(Map<String, JsonNode> params) {
		JsonNode chatParam = params.get("chat_id");
		if (chatParam == null || chatParam.asString("").isEmpty()) {
			return reject("sendmessage", 400, "Bad Request: chat_id is empty");
		}
		long chatId;
		try {
			chatId = Long.parseLong(chatParam.asString());
		}
		catch (NumberFormatException ex) {
			return reject("sendmessage", 400, "Bad Request: chat not found");
		}
		if (!chats.containsKey(chatId)) {
			return reject("sendmessage", 400, "Bad Request: chat not found");
		}
		Long flooded = floodedUntil.get(chatId);
		if (flooded != null && System.nanoTime() < flooded) {
			earlyRetries++;
			int left = (int) Math.max(1, Math.ceil((flooded - System.nanoTime()) / 1e9));
			events.add("sendMessage chat=" + chatId + " 429 (early)");
			return flood("sendmessage", left);
		}
		Fault fault = takeFault("sendmessage");
		if (fault != null) {
			events.add("sendMessage chat=" + chatId + " " + fault.code());
			if (fault.retryAfter() != null) {
				floodedUntil.put(chatId, System.nanoTime() + Duration.ofSeconds(fault.retryAfter()).toNanos());
				return flood("sendmessage", fault.retryAfter());
			}
			return reject("sendmessage", fault.code(), fault.description());
		}
		String text = params.containsKey("text") ? params.get("text").asString() : "";
		String parseMode = params.containsKey("parse_mode") ? params.get("parse_mode").asString() : "";
		String plain;
		try {
			plain = parse(text, parseMode);
		}
		catch (IllegalArgumentException ex) {
			return reject("sendmessage", 400, ex.getMessage());
		}
		if (plain.isBlank()) {
			return reject("sendmessage", 400, "Bad Request: message text is empty");
		}
		if (plain.length() > MAX_TEXT) {
			return reject("sendmessage", 400, "Bad Request: message is too long");
		}
		JsonNode markup = params.get("reply_markup");
		if (markup != null) {
			String problem = checkMarkup(markup);
			if (problem != null) {
				return reject("sendmessage", 400, problem);
			}
		}
		Integer replyTo = null;
		JsonNode replyParameters = params.get("reply_parameters");
		if (replyParameters != null && replyParameters.has("message_id")) {
			replyTo = replyParameters.path("message_id").asInt();
			boolean exists = replyTo <= lastMessageId.getOrDefault(chatId, 0) && replyTo > 0;
			if (!exists && !replyParameters.path("allow_sending_without_reply").asBoolean(false)) {
				return reject("sendmessage", 400, "Bad Request: message to be replied not found");
			}
		}
		int messageId = nextMessageId(chatId);
		sent.add(new Sent(chatId, messageId, text, parseMode, plain, markup, replyTo, System.nanoTime()));
		events.add("sendMessage chat=" + chatId + " 200 id=" + messageId);
		ObjectNode message = json.createObjectNode();
		message.put("message_id", messageId);
		message.set("from", botUser());
		message.set("chat", chat(chatId));
		message.put("date", now());
		message.put("text", plain);
		return ok(message);
	}

	private ObjectNode answerCallbackQuery(Map<String, JsonNode> params) {
		Fault fault = takeFault("answercallbackquery");
		if (fault != null) {
			return fault.retryAfter() != null ? flood("answercallbackquery", fault.retryAfter())
					: reject("answercallbackquery", fault.code(), fault.description());
		}
		String id = params.containsKey("callback_query_id") ? params.get("callback_query_id").asString() : "";
		if (!openQueries.containsKey(id)) {
			return reject("answercallbackquery", 400,
					"Bad Request: query is too old and response timeout expired or query ID is invalid");
		}
		String text = params.containsKey("text") && !params.get("text").isNull() ? params.get("text").asString() : null;
		if (text != null && text.length() > 200) {
			return reject("answercallbackquery", 400, "Bad Request: MESSAGE_TOO_LONG");
		}
		openQueries.remove(id);
		answeredQueries.put(id, text);
		events.add("answerCallbackQuery " + id);
		return ok(json.booleanNode(true));
	}

	private ObjectNode setWebhook(Map<String, JsonNode> params) {
		String url = params.containsKey("url") ? params.get("url").asString() : "";
		if (url.isEmpty()) {
			webhookUrl = "";
			return ok(json.booleanNode(true));
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return reject("setwebhook", 400, "Bad Request: bad webhook: invalid URL");
		}
		if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
			return reject("setwebhook", 400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
		}
		int port = uri.getPort() == -1 ? 443 : uri.getPort();
		if (port != 443 && port != 80 && port != 88 && port != 8443) {
			return reject("setwebhook", 400,
					"Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443");
		}
		JsonNode secret = params.get("secret_token");
		if (secret != null && !SECRET.matcher(secret.asString()).matches()) {
			return reject("setwebhook", 400, "Bad Request: secret token contains unallowed characters");
		}
		int maxConnections = intParam(params, "max_connections", 40);
		if (maxConnections < 1 || maxConnections > 100) {
			return reject("setwebhook", 400, "Bad Request: bad max_connections");
		}
		webhookUrl = url;
		webhookSecret = secret == null ? null : secret.asString();
		webhookAllowedUpdates = params.get("allowed_updates");
		events.add("setWebhook");
		return ok(json.booleanNode(true));
	}

	private ObjectNode deleteWebhook(Map<String, JsonNode> params) {
		webhookUrl = "";
		webhookSecret = null;
		if (params.containsKey("drop_pending_updates") && params.get("drop_pending_updates").asBoolean(false)) {
			pending.clear();
		}
		events.add("deleteWebhook");
		return ok(json.booleanNode(true));
	}

	private ObjectNode getWebhookInfo() {
		ObjectNode info = json.createObjectNode();
		info.put("url", webhookUrl);
		info.put("has_custom_certificate", false);
		info.put("pending_update_count", pending.size());
		return ok(info);
	}

	// ---------------------------------------------------------------- Telegram's parsing
	// rules

	/**
	 * The text after entity parsing, or an IllegalArgumentException with Telegram's
	 * description.
	 */
	static String parse(String text, String parseMode) {
		String mode = parseMode == null ? "" : parseMode.toLowerCase(Locale.ROOT);
		return switch (mode) {
			case "" -> text;
			case "html" -> parseHtml(text);
			case "markdownv2" -> checkMarkdownV2(text);
			case "markdown" -> checkMarkdown(text);
			default -> throw new IllegalArgumentException("Bad Request: unsupported parse_mode");
		};
	}

	private static String parseHtml(String html) {
		StringBuilder plain = new StringBuilder();
		Deque<String> open = new ArrayDeque<>();
		int i = 0;
		while (i < html.length()) {
			char c = html.charAt(i);
			if (c == '<') {
				int end = html.indexOf('>', i);
				if (end < 0) {
					throw unparsable("Can't find end of the tag starting at byte offset " + byteOffset(html, i));
				}
				String tag = html.substring(i + 1, end);
				if (tag.startsWith("/")) {
					String name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
					if (open.isEmpty() || !open.peek().equals(name)) {
						throw unparsable("Unmatched end tag at byte offset " + byteOffset(html, i) + ", expected \"</"
								+ (open.isEmpty() ? "" : open.peek()) + ">\", found \"</" + name + ">\"");
					}
					open.pop();
				}
				else {
					Matcher name = Pattern.compile("([a-zA-Z][a-zA-Z0-9-]*)(\\s.*)?", Pattern.DOTALL).matcher(tag);
					if (!name.matches() || !HTML_TAGS.contains(name.group(1).toLowerCase(Locale.ROOT))) {
						throw unparsable("Unsupported start tag \"" + tag + "\" at byte offset " + byteOffset(html, i));
					}
					open.push(name.group(1).toLowerCase(Locale.ROOT));
				}
				i = end + 1;
			}
			else if (c == '&') {
				Matcher entity = ENTITY.matcher(html).region(i, html.length());
				if (!entity.lookingAt()) {
					throw unparsable("Character '&' at byte offset " + byteOffset(html, i)
							+ " must be written as &amp; (only &lt; &gt; &amp; &quot; and numeric entities exist)");
				}
				String name = entity.group(1);
				switch (name) {
					case "lt" -> plain.append('<');
					case "gt" -> plain.append('>');
					case "amp" -> plain.append('&');
					case "quot" -> plain.append('"');
					default -> plain.appendCodePoint(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
							: Integer.parseInt(name.substring(1)));
				}
				i = entity.end();
			}
			else if (c == '>') {
				throw unparsable("Character '>' at byte offset " + byteOffset(html, i) + " must be written as &gt;");
			}
			else {
				plain.append(c);
				i++;
			}
		}
		if (!open.isEmpty()) {
			throw unparsable("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
		}
		return plain.toString();
	}

	private static String checkMarkdownV2(String text) {
		StringBuilder plain = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				plain.append(text.charAt(++i));
			}
			else if ("*_~`|[]".indexOf(c) >= 0) {
				// formatting marks; their balance is not checked here
				continue;
			}
			else if (MARKDOWN_V2_RESERVED.indexOf(c) >= 0) {
				throw unparsable("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
			}
			else {
				plain.append(c);
			}
		}
		return plain.toString();
	}

	private static String checkMarkdown(String text) {
		for (char mark : new char[] { '*', '_', '`' }) {
			long count = text.chars().filter(ch -> ch == mark).count();
			if (count % 2 != 0) {
				throw unparsable("Can't find end of the entity starting at byte offset "
						+ byteOffset(text, text.lastIndexOf(mark)));
			}
		}
		return text.replaceAll("[*_`]", "");
	}

	private static IllegalArgumentException unparsable(String detail) {
		return new IllegalArgumentException("Bad Request: can't parse entities: " + detail);
	}

	private static int byteOffset(String text, int index) {
		return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
	}

	private static String checkMarkup(JsonNode markup) {
		JsonNode keyboard = markup.get("inline_keyboard");
		if (keyboard == null || !keyboard.isArray()) {
			return "Bad Request: can't parse reply keyboard markup JSON object";
		}
		for (JsonNode row : keyboard) {
			if (!row.isArray()) {
				return "Bad Request: can't parse reply keyboard markup JSON object";
			}
			for (JsonNode button : row) {
				String text = button.path("text").asString("");
				if (text.isEmpty()) {
					return "Bad Request: text buttons are unallowed in the inline keyboard";
				}
				int actions = 0;
				for (String action : List.of("callback_data", "url", "switch_inline_query", "copy_text", "web_app")) {
					actions += button.has(action) ? 1 : 0;
				}
				if (actions != 1) {
					return "Bad Request: can't parse inline keyboard button: exactly one action field is needed";
				}
				if (button.has("callback_data")) {
					int bytes = button.path("callback_data").asString("").getBytes(StandardCharsets.UTF_8).length;
					if (bytes < 1 || bytes > 64) {
						return "Bad Request: BUTTON_DATA_INVALID";
					}
				}
			}
		}
		return null;
	}

	// ---------------------------------------------------------------- helpers

	private Posted postMessage(long chatId, long userId, java.util.function.Consumer<ObjectNode> content) {
		synchronized (lock) {
			if (!chats.containsKey(chatId)) {
				throw new IllegalStateException("register the chat first (privateChat or group)");
			}
			ObjectNode update = json.createObjectNode();
			int id = nextUpdateId++;
			update.put("update_id", id);
			ObjectNode message = update.putObject("message");
			int messageId = nextMessageId(chatId);
			message.put("message_id", messageId);
			message.set("from", user(userId));
			message.set("chat", chat(chatId));
			message.put("date", now());
			content.accept(message);
			pending.add(update);
			lock.notifyAll();
			return new Posted(id, messageId, null);
		}
	}

	private ArrayNode entities(String text) {
		ArrayNode entities = json.createArrayNode();
		Matcher command = Pattern.compile("^/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?").matcher(text);
		if (command.find()) {
			entities.addObject().put("type", "bot_command").put("offset", 0).put("length", command.end());
		}
		Matcher mention = Pattern.compile("(?<![A-Za-z0-9_/])@[A-Za-z0-9_]{5,32}").matcher(text);
		while (mention.find()) {
			entities.addObject()
				.put("type", "mention")
				.put("offset", mention.start())
				.put("length", mention.end() - mention.start());
		}
		return entities;
	}

	private int nextMessageId(long chatId) {
		return lastMessageId.merge(chatId, 1, Integer::sum);
	}

	private Fault takeFault(String method) {
		for (Fault fault : faults) {
			if (fault.method().equals(method)) {
				faults.remove(fault);
				return fault;
			}
		}
		return null;
	}

	private ObjectNode user(long userId) {
		ObjectNode user = json.createObjectNode();
		user.put("id", userId);
		user.put("is_bot", false);
		user.put("first_name", "市民" + (userId % 1000));
		user.put("language_code", "zh-hans");
		return user;
	}

	private ObjectNode botUser() {
		ObjectNode bot = json.createObjectNode();
		bot.put("id", BOT_ID);
		bot.put("is_bot", true);
		bot.put("first_name", "质量月助手");
		bot.put("username", BOT_USERNAME);
		return bot;
	}

	private ObjectNode chat(long chatId) {
		ObjectNode chat = json.createObjectNode();
		chat.put("id", chatId);
		String type = chats.getOrDefault(chatId, "private");
		chat.put("type", type);
		if (!type.equals("private")) {
			chat.put("title", "质量月交流群");
		}
		else {
			chat.put("first_name", "市民" + (chatId % 1000));
		}
		return chat;
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

	private ObjectNode ok(JsonNode result) {
		ObjectNode body = json.createObjectNode();
		body.put("ok", true);
		body.set("result", result);
		return body;
	}

	private ObjectNode error(int code, String description) {
		ObjectNode body = json.createObjectNode();
		body.put("ok", false);
		body.put("error_code", code);
		body.put("description", description);
		return body;
	}

	private ObjectNode reject(String method, int code, String description) {
		synchronized (lock) {
			rejections.add(new Rejection(method, code, description));
		}
		return error(code, description);
	}

	private ObjectNode flood(String method, int retryAfter) {
		ObjectNode body = reject(method, 429, "Too Many Requests: retry after " + retryAfter);
		body.putObject("parameters").put("retry_after", retryAfter);
		return body;
	}

	private void respond(HttpExchange exchange, ObjectNode body) throws IOException {
		byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
		int status = body.path("ok").asBoolean() ? 200 : body.path("error_code").asInt(500);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static int intParam(Map<String, JsonNode> params, String name, int fallback) {
		JsonNode value = params.get(name);
		if (value == null || value.isNull()) {
			return fallback;
		}
		return value.isNumber() ? value.asInt() : Integer.parseInt(value.asString().strip());
	}

	/**
	 * The call's parameters from JSON, multipart or urlencoded bodies and the query
	 * string, as Telegram reads them.
	 */
	private Map<String, JsonNode> params(HttpExchange exchange) throws IOException {
		Map<String, JsonNode> params = new LinkedHashMap<>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			urlencoded(query).forEach((k, v) -> params.put(k, field(k, v)));
		}
		byte[] body = readAll(exchange.getRequestBody());
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		String mediaType = type == null ? "" : type.toLowerCase(Locale.ROOT);
		if (body.length == 0) {
			return params;
		}
		if (mediaType.startsWith("application/json")) {
			JsonNode node = json.readTree(body);
			node.properties().forEach(e -> params.put(e.getKey(), e.getValue()));
		}
		else if (mediaType.startsWith("application/x-www-form-urlencoded")) {
			urlencoded(new String(body, StandardCharsets.UTF_8)).forEach((k, v) -> params.put(k, field(k, v)));
		}
		else if (mediaType.startsWith("multipart/form-data")) {
			Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
			if (!boundary.find()) {
				throw new IllegalArgumentException("multipart without boundary");
			}
			multipart(body, boundary.group(1)).forEach((k, v) -> params.put(k, field(k, v)));
		}
		else {
			throw new IllegalArgumentException("unsupported content type " + type);
		}
		return params;
	}

	/**
	 * Form fields are strings; those Telegram documents as JSON-serialised objects are
	 * parsed.
	 */
	private JsonNode field(String name, String value) {
		if (Set.of("reply_markup", "allowed_updates", "reply_parameters", "link_preview_options", "entities")
			.contains(name)) {
			return json.readTree(value);
		}
		return json.getNodeFactory().stringNode(value);
	}

	private static Map<String, String> urlencoded(String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			fields.put(key, value);
		}
		return fields;
	}

	private static Map<String, String> multipart(byte[] body, String boundary) {
		Map<String, String> fields = new LinkedHashMap<>();
		// ISO-8859-1 maps bytes one to one, so offsets found in the string are byte
		// offsets
		String raw = new String(body, StandardCharsets.ISO_8859_1);
		String delimiter = "--" + boundary;
		int at = raw.indexOf(delimiter);
		while (at >= 0) {
			int partStart = at + delimiter.length();
			if (raw.startsWith("--", partStart)) {
				break;
			}
			int headersEnd = raw.indexOf("\r\n\r\n", partStart);
			int next = raw.indexOf("\r\n" + delimiter, headersEnd);
			if (headersEnd < 0 || next < 0) {
				throw new IllegalArgumentException("malformed multipart body");
			}
			String headers = raw.substring(partStart, headersEnd);
			Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
			if (name.find()) {
				byte[] value = java.util.Arrays.copyOfRange(body, headersEnd + 4, next);
				fields.put(name.group(1), new String(value, StandardCharsets.UTF_8));
			}
			at = next + 2;
		}
		return fields;
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		in.transferTo(out);
		return out.toByteArray();
	}

}
