package org.qualitymonth.assistant.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.RunningApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers every response carries and what the actuator shows to whom, over real HTTP,
 * with a site allowed to embed the widget; and failed admin logins throttled per client
 * address.
 */
@AppTest
class SecurityHeadersTest {

	static final String PUBLIC_POLICY = AdminSecurityConfiguration.CONTENT_POLICY
			+ "; frame-ancestors 'self' https://www.example.gov.cn";

	static final String ADMIN_POLICY = AdminSecurityConfiguration.CONTENT_POLICY + "; frame-ancestors 'none'";

	@Autowired
	AdminSettings settings;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void publicPagesAndTheApiMayBeFramedOnlyByTheEmbedOriginsAndLoadNothingForeign() throws Exception {
		for (HttpResponse<String> response : new HttpResponse[] { get("/", null), get("/chat.js", null),
				get("/widget.js", null), get("/api/v1/menu", null), get("/no-such-page", null),
				ask("{\"text\":\"质量月的主题是什么\"}"), ask("{\"text\":"),
				ask("{\"text\":\"" + "长".repeat(20_000) + "\"}") }) {
			String what = response.request().method() + " " + response.uri().getPath() + " " + response.statusCode();
			assertThat(response.headers().allValues("Content-Security-Policy")).as(what).containsExactly(PUBLIC_POLICY);
			assertThat(response.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
			assertThat(response.headers().allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
			assertThat(response.headers().firstValue("X-Frame-Options")).as(what + ": frame-ancestors decides")
				.isEmpty();
		}
	}

	@Test
	void adminPagesMayBeFramedByNobody() throws Exception {
		for (HttpResponse<String> response : new HttpResponse[] { get("/admin/login", null), get("/admin", null),
				get("/admin", RunningApp.ADMIN_PASSWORD), get("/admin/unanswered", RunningApp.ADMIN_PASSWORD),
				get("/api/v1/admin/knowledge", null), get("/actuator/prometheus", null) }) {
			String what = response.uri().getPath() + " " + response.statusCode();
			assertThat(response.headers().allValues("Content-Security-Policy")).as(what).containsExactly(ADMIN_POLICY);
			assertThat(response.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
			assertThat(response.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
			assertThat(response.headers().allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
		}
		assertThat(get("/admin.css", null).statusCode()).as("the admin pages' styles load before login").isEqualTo(200);
	}

	@Test
	void metricsNeedTheAdminLoginWhileTheProbesStayOpen() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/prometheus", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
		assertThat(get("/actuator/prometheus", "wrong-password-1").statusCode()).isEqualTo(401);
		HttpResponse<String> scraped = get("/actuator/prometheus", RunningApp.ADMIN_PASSWORD);
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("assistant_knowledge_reloads_total");

		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> open = get(probe, null);
			assertThat(open.statusCode()).as(probe).isEqualTo(200);
			assertThat(open.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components", "details");
		}
		HttpResponse<String> detailed = get("/actuator/health", RunningApp.ADMIN_PASSWORD);
		assertThat(detailed.body()).contains("\"knowledge\"", "\"queryLog\"", "\"spoolBytes\"");
		assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
	}

	/**
	 * From 127.0.0.2, a loopback address of its own: after the allowed failures even the
	 * right password is refused there, while the admin at 127.0.0.1 logs in as usual.
	 */
	@Test
	void repeatedFailedLoginsFromOneAddressAreRefusedBeforeThePasswordIsChecked() throws Exception {
		InetAddress attacker = InetAddress.getByName("127.0.0.2");
		for (int i = 0; i < settings.loginThrottle().failures(); i++) {
			assertThat(rawGet(attacker, "/api/v1/admin/knowledge", "guess-" + i)).startsWith("HTTP/1.1 401");
		}
		String refused = rawGet(attacker, "/api/v1/admin/knowledge", RunningApp.ADMIN_PASSWORD);
		assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: ");
		assertThat(refused).contains("too many failed logins");
		// the login form, with its session and CSRF token, as a browser at that address
		// would post it
		String page = raw(attacker, "GET /admin/login HTTP/1.1\r\n", "");
		Matcher session = Pattern.compile("Set-Cookie: (JSESSIONID=[^;]+)").matcher(page);
		assertThat(session.find()).as(page).isTrue();
		String body = "username=admin&password=" + RunningApp.ADMIN_PASSWORD + "&_csrf="
				+ URLEncoder.encode(AdminSecurityTest.csrfToken(page), StandardCharsets.UTF_8);
		String form = raw(attacker, "POST /admin/login HTTP/1.1\r\nCookie: " + session.group(1)
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n",
				body);
		assertThat(form).startsWith("HTTP/1.1 302").contains("/admin/login?blocked");

		assertThat(get("/api/v1/admin/knowledge", RunningApp.ADMIN_PASSWORD).statusCode()).as("from 127.0.0.1")
			.isEqualTo(200);
		assertThat(get("/admin/login?blocked", null).body()).contains("登录失败次数过多");
	}

	private HttpResponse<String> get(String path, String password) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (password != null) {
			request.header("Authorization", RunningApp.basic("admin", password));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> ask(String body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri("/api/v1/ask"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String rawGet(InetAddress from, String path, String password) throws IOException {
		return raw(from, "GET " + path + " HTTP/1.1\r\nAuthorization: " + RunningApp.basic("admin", password) + "\r\n",
				"");
	}

	/**
	 * One HTTP/1.1 exchange from the given local address (java.net.http cannot choose it
	 * on Java 17).
	 */
	private String raw(InetAddress from, String head, String body) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n" + body)
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
