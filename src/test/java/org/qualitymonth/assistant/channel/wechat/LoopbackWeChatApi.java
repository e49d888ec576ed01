package org.qualitymonth.assistant.channel.wechat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays WeChat's API server on loopback: {@code POST /cgi-bin/stable_token} hands out an
 * access token for the right AppID and AppSecret only,
 * {@code POST /cgi-bin/message/custom/send} and {@code /cgi-bin/menu/create} accept calls
 * carrying that token and record their bodies. Anything else is a 404, so a call to a
 * wrong address fails the test.
 */
final class LoopbackWeChatApi implements AutoCloseable {

	static final String ACCESS_TOKEN = "LoopbackAccessToken_5f0c1e2d3c4b5a69";

	/** One API call: its path and its body. */
	record Call(String path, String query, String body) {
	}

	private final HttpServer server;

	private final String appId;

	private final String secret;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	/** Customer-service sends still to be refused with WeChat's "system busy" (-1). */
	private final java.util.concurrent.atomic.AtomicInteger busy = new java.util.concurrent.atomic.AtomicInteger();

	LoopbackWeChatApi(String appId, String secret) throws IOException {
		this.appId = appId;
		this.secret = secret;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	/**
	 * The next {@code count} customer-service sends get errcode -1, "system busy, try
	 * again".
	 */
	void busyFor(int count) {
		busy.set(count);
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<Call> calls(String path) {
		return calls.stream().filter(c -> c.path().equals(path)).toList();
	}

	List<Call> customMessagesTo(String openId) {
		return calls("/cgi-bin/message/custom/send").stream()
			.filter(c -> c.body().contains("\"touser\":\"" + openId + "\""))
			.toList();
	}

	void awaitTrue(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
		long deadline = System.nanoTime() + max.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting until " + what + "; calls: " + calls);
			}
			Thread.sleep(20);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		calls.add(new Call(path, query, body));
		if (!"POST".equals(exchange.getRequestMethod())) {
			respond(exchange, 405, "{\"errcode\":43002,\"errmsg\":\"require POST method\"}");
			return;
		}
		switch (path) {
			case "/cgi-bin/stable_token" -> {
				boolean valid = body.contains("\"appid\":\"" + appId + "\"")
						&& body.contains("\"secret\":\"" + secret + "\"")
						&& body.contains("\"grant_type\":\"client_credential\"");
				respond(exchange, 200, valid ? "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":7200}"
						: "{\"errcode\":40013,\"errmsg\":\"invalid appid\"}");
			}
			case "/cgi-bin/message/custom/send" -> respond(exchange, 200,
					!("access_token=" + ACCESS_TOKEN).equals(query)
							? "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"
							: busy.getAndUpdate(n -> Math.max(0, n - 1)) > 0
									? "{\"errcode\":-1,\"errmsg\":\"system error\"}"
									: "{\"errcode\":0,\"errmsg\":\"ok\"}");
			case "/cgi-bin/menu/create" -> respond(exchange, 200, ("access_token=" + ACCESS_TOKEN).equals(query)
					? "{\"errcode\":0,\"errmsg\":\"ok\"}" : "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
			default -> respond(exchange, 404, "{\"errcode\":404,\"errmsg\":\"no such api\"}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
