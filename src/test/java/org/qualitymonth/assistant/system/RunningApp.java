package org.qualitymonth.assistant.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole assistant started as {@code java -jar} would start it, on a random port and
 * the given data directory, for tests that restart it or need their own settings; with
 * small helpers for its HTTP API.
 */
public final class RunningApp implements AutoCloseable {

	public static final String ADMIN_PASSWORD = "test-admin-password-0123";

	private final ConfigurableApplicationContext context;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/**
	 * Whether {@link #close()} stops the application: not when it is the shared one of
	 * {@link AppTest}.
	 */
	private final boolean owned;

	private RunningApp(ConfigurableApplicationContext context, boolean owned) {
		this.context = context;
		this.owned = owned;
		this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/**
	 * Starts with {@code bot.admin.password} set to {@link #ADMIN_PASSWORD}, unless
	 * {@code args} set it.
	 */
	public static RunningApp start(Path dataDir, String... args) {
		return start(dataDir, List.of(), args);
	}

	/**
	 * Like {@link #start(Path, String...)}, with test configuration classes added to the
	 * application's.
	 */
	public static RunningApp start(Path dataDir, List<Class<?>> extraSources, String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--bot.data-dir=" + dataDir));
		if (List.of(args).stream().noneMatch(a -> a.startsWith("--bot.admin.password"))) {
			all.add("--bot.admin.password=" + ADMIN_PASSWORD);
		}
		all.addAll(List.of(args));
		List<Class<?>> sources = new ArrayList<>(List.of(org.qualitymonth.assistant.AssistantApplication.class));
		sources.addAll(extraSources);
		return new RunningApp(
				new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(all.toArray(String[]::new)), true);
	}

	/**
	 * The shared application of an {@link AppTest} class, with the same helpers; closing
	 * it leaves it running.
	 */
	public static RunningApp shared(ConfigurableApplicationContext context) {
		return new RunningApp(context, false);
	}

	public int port() {
		return port;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	/** {@code POST /api/v1/ask} with the text and session (JSON-escaped here). */
	public HttpResponse<String> ask(String text, String sessionId) throws Exception {
		String body = "{\"text\":\"" + json(text) + "\""
				+ (sessionId == null ? "" : ",\"sessionId\":\"" + json(sessionId) + "\"") + "}";
		return send(HttpRequest.newBuilder(URI.create(url("/api/v1/ask")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> feedback(String replyId, boolean helpful) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url("/api/v1/feedback")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"id\":\"" + json(replyId) + "\",\"helpful\":" + helpful + "}")));
	}

	/**
	 * GET, as user {@code admin} with {@code password} (HTTP Basic), or anonymously when
	 * it is null.
	 */
	public HttpResponse<String> get(String path, String password) throws Exception {
		return send(request(path, password).GET());
	}

	public HttpResponse<byte[]> getBytes(String path, String password) throws Exception {
		return http.send(request(path, password).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	public HttpRequest.Builder request(String path, String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
		if (password != null) {
			request.header("Authorization", basic("admin", password));
		}
		return request;
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String json(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	@Override
	public void close() {
		if (owned) {
			context.close();
		}
	}

}
