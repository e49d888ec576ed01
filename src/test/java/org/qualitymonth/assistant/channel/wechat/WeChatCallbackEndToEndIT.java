package org.qualitymonth.assistant.channel.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Conversations;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with the WeChat channel on, driven over real HTTP the way WeChat
 * drives it: signed callbacks in plain and safe mode (signatures and AES built in
 * {@link WeChatWire}, not by WxJava), and a loopback WeChat API for the access token and
 * the customer-service messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.qualitymonth.assistant.channel.wechat=DEBUG",
				"logging.level.org.springframework.web=DEBUG" },
		classes = { org.qualitymonth.assistant.AssistantApplication.class, WeChatCallbackEndToEndIT.Questions.class })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class WeChatCallbackEndToEndIT {

	static final String TOKEN = "LoopbackToken2020";

	static final String APP_ID = "wx5e1f0a2b3c4d5e6f";

	static final String SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	static final String ACCOUNT = "gh_loopback0001";

	/**
	 * Questions with this in them take longer than the passive reply may wait (see
	 * {@link Questions}).
	 */
	static final String SLOW = "慢慢";

	static final Duration WAIT = Duration.ofSeconds(20);

	static final LoopbackWeChatApi api = start();

	static final AtomicLong ids = new AtomicLong(7_000_000_000L);

	@TempDir
	static Path dataDir;

	@LocalServerPort
	int port;

	@Autowired
	Questions questions;

	@Autowired
	Conversations conversations;

	private final HttpClient http = HttpClient.newHttpClient();

	static LoopbackWeChatApi start() {
		try {
			return new LoopbackWeChatApi(APP_ID, SECRET);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void wechat(DynamicPropertyRegistry registry) {
		registry.add("bot.data-dir", () -> dataDir.toString());
		registry.add("bot.wechat.token", () -> TOKEN);
		registry.add("bot.wechat.app-id", () -> APP_ID);
		registry.add("bot.wechat.secret", () -> SECRET);
		registry.add("bot.wechat.aes-key", () -> AES_KEY);
		registry.add("bot.wechat.api-url", api::url);
		registry.add("bot.wechat.reply-within", () -> "1500ms");
		registry.add("bot.wechat.max-body-bytes", () -> "4096");
		registry.add("bot.wechat.delivery.initial-backoff", () -> "20ms");
		registry.add("bot.wechat.delivery.max-backoff", () -> "100ms");
	}

	@AfterAll
	static void stop() {
		api.close();
	}

	@Test
	void echoesASignedVerificationRequest() throws Exception {
		HttpResponse<String> response = get(signedQuery("1600000000", "n0nce") + "&echostr=echo-5417");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("echo-5417");
	}

	@Test
	void refusesUnsignedAndWronglySignedVerificationWith403() throws Exception {
		String wrong = "signature=" + WeChatWire.signature("not-the-token", "1600000000", "n0nce")
				+ "&timestamp=1600000000&nonce=n0nce&echostr=echo-1";

		HttpResponse<String> unsigned = get("echostr=echo-1");
		HttpResponse<String> forged = get(wrong);

		assertThat(unsigned.statusCode()).isEqualTo(403);
		assertThat(unsigned.body()).isEmpty();
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).doesNotContain("echo-1");
	}

	@Test
	void answersAPlainTextMessageWithAPassiveReply() throws Exception {
		String user = newUser();
		HttpResponse<String> response = postPlain(WeChatWire.textMessage(ACCOUNT, user, now(), "质量月的主题是什么", nextId()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(WeChatWire.field(response.body(), "ToUserName")).isEqualTo(user);
		assertThat(WeChatWire.field(response.body(), "FromUserName")).isEqualTo(ACCOUNT);
		assertThat(WeChatWire.field(response.body(), "MsgType")).isEqualTo("text");
		String content = WeChatWire.field(response.body(), "Content");
		assertThat(content).contains("建设质量强国 决胜全面小康").contains("出处：一、活动主题").contains("回复 1 查看：").contains("回复“好”或“不好”");
		assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2000);
	}

	@Test
	void answersASafeModeMessageWithAnEncryptedSignedReply() throws Exception {
		String user = newUser();
		String inner = WeChatWire.textMessage(ACCOUNT, user, now(), "活动时间是什么时候", nextId());

		HttpResponse<String> response = postSafe(inner);

		assertThat(response.statusCode()).isEqualTo(200);
		String encrypt = WeChatWire.field(response.body(), "Encrypt");
		String timestamp = WeChatWire.field(response.body(), "TimeStamp");
		String nonce = WeChatWire.field(response.body(), "Nonce");
		assertThat(WeChatWire.field(response.body(), "MsgSignature"))
			.isEqualTo(WeChatWire.signature(TOKEN, timestamp, nonce, encrypt));
		assertThat(response.body()).doesNotContain("9月");
		String reply = WeChatWire.decrypt(AES_KEY, APP_ID, encrypt);
		assertThat(WeChatWire.field(reply, "ToUserName")).isEqualTo(user);
		assertThat(WeChatWire.field(reply, "Content")).contains("9月").contains("出处：");
	}

	@Test
	void answersARepeatedMsgIdOnceWithTheSameReply() throws Exception {
		String user = newUser();
		String question = "质量月由哪些部门主办";
		String xml = WeChatWire.textMessage(ACCOUNT, user, now(), question, nextId());

		HttpResponse<String> first = postPlain(xml);
		HttpResponse<String> retry = postPlain(xml);
		HttpResponse<String> again = postSafe(xml);

		String content = WeChatWire.field(first.body(), "Content");
		assertThat(content).isNotBlank();
		assertThat(WeChatWire.field(retry.body(), "Content")).isEqualTo(content);
		assertThat(WeChatWire.field(WeChatWire.decrypt(AES_KEY, APP_ID, WeChatWire.field(again.body(), "Encrypt")),
				"Content"))
			.isEqualTo(content);
		assertThat(questions.asked(user)).as("one chat call, so one query-log record").hasSize(1);
		assertThat(questions.asked(user).get(0).channel()).isEqualTo("wechat");
		assertThat(questions.asked(user).get(0).sessionId()).isEqualTo("wechat:" + user);
	}

	@Test
	void sendsASlowAnswerThroughTheCustomerServiceApiAndAnswersRetriesWithSuccess() throws Exception {
		String user = newUser();
		String xml = WeChatWire.textMessage(ACCOUNT, user, now(), SLOW + "问一下质量月的主题是什么", nextId());

		long started = System.nanoTime();
		HttpResponse<String> first = postPlain(xml);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		HttpResponse<String> retry = postPlain(xml);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo("success");
		assertThat(took).isLessThan(Duration.ofMillis(2500));
		assertThat(retry.body()).isEqualTo("success");
		api.awaitTrue(() -> !api.customMessagesTo(user).isEmpty(), WAIT,
				"the answer went out as a customer-service message");
		Thread.sleep(300);
		HttpResponse<String> late = postPlain(xml);
		assertThat(late.body()).isEqualTo("success");
		List<LoopbackWeChatApi.Call> sent = api.customMessagesTo(user);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).query()).isEqualTo("access_token=" + LoopbackWeChatApi.ACCESS_TOKEN);
		assertThat(sent.get(0).body()).contains("\"msgtype\":\"text\"").contains("建设质量强国 决胜全面小康");
		assertThat(api.calls("/cgi-bin/stable_token")).isNotEmpty();
		assertThat(questions.asked(user)).hasSize(1);
	}

	@Test
	void retriesACustomerServiceMessageWhileWeChatIsBusy() throws Exception {
		String user = newUser();
		api.busyFor(2);

		HttpResponse<String> response = postPlain(
				WeChatWire.textMessage(ACCOUNT, user, now(), SLOW + "活动时间", nextId()));

		assertThat(response.body()).isEqualTo("success");
		api.awaitTrue(() -> api.customMessagesTo(user).size() == 3, WAIT,
				"two refused attempts and a third that went out");
		Thread.sleep(300);
		assertThat(api.customMessagesTo(user)).hasSize(3).allSatisfy(call -> assertThat(call.body()).contains("9月"));
	}

	@Test
	void welcomesANewFollowerWithTheTopicsAndANumberPicksOne() throws Exception {
		String user = newUser();
		List<Choice> menu = conversations.menu();

		HttpResponse<String> welcome = postPlain(WeChatWire.eventMessage(ACCOUNT, user, now(), "subscribe", null));
		HttpResponse<String> picked = postPlain(WeChatWire.textMessage(ACCOUNT, user, now(), "１", nextId()));

		String text = WeChatWire.field(welcome.body(), "Content");
		assertThat(text).contains("欢迎关注").contains("回复 1 查看：" + menu.get(0).title());
		assertThat(questions.asked(user)).extracting(Question::text).containsExactly(menu.get(0).title());
		assertThat(WeChatWire.field(picked.body(), "Content")).doesNotContain("欢迎关注").contains("出处：");
	}

	@Test
	void answersAMenuClickWithThatTopic() throws Exception {
		String user = newUser();

		HttpResponse<String> response = postSafe(WeChatWire.eventMessage(ACCOUNT, user, now(), "CLICK", "theme"));

		String reply = WeChatWire.decrypt(AES_KEY, APP_ID, WeChatWire.field(response.body(), "Encrypt"));
		assertThat(WeChatWire.field(reply, "Content")).contains("建设质量强国 决胜全面小康");
	}

	@Test
	void takesTheRatingWordOncePerReply() throws Exception {
		String user = newUser();
		postPlain(WeChatWire.textMessage(ACCOUNT, user, now(), "质量月的主题是什么", nextId()));
		int before = questions.ratings.get();

		HttpResponse<String> rated = postPlain(WeChatWire.textMessage(ACCOUNT, user, now(), "好", nextId()));
		HttpResponse<String> again = postPlain(WeChatWire.textMessage(ACCOUNT, user, now(), "好", nextId()));

		assertThat(WeChatWire.field(rated.body(), "Content")).contains("感谢");
		assertThat(WeChatWire.field(again.body(), "Content")).contains("感谢");
		assertThat(questions.ratings.get() - before).isEqualTo(1);
	}

	@Test
	void asksForTextWhenSentAPicture() throws Exception {
		String user = newUser();

		HttpResponse<String> response = postPlain(WeChatWire.imageMessage(ACCOUNT, user, now(), nextId()));

		assertThat(WeChatWire.field(response.body(), "Content")).contains("文字");
		assertThat(questions.asked(user)).isEmpty();
	}

	@Test
	void refusesAnExternalEntityWith400AndReadsNoFile(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
				+ WeChatWire.textMessage(ACCOUNT, newUser(), now(), "&x;", nextId()).replace("<![CDATA[&x;]]>", "&x;");
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
				+ WeChatWire.textMessage(ACCOUNT, newUser(), now(), "&b;", nextId()).replace("<![CDATA[&b;]]>", "&b;");

		HttpResponse<String> plain = postPlain(xxe);
		HttpResponse<String> inside = postSafe(xxe);
		HttpResponse<String> expansion = postPlain(laughs);

		assertThat(List.of(plain, inside, expansion)).allSatisfy(r -> {
			assertThat(r.statusCode()).isEqualTo(400);
			assertThat(r.body()).doesNotContain("TOP-SECRET").doesNotContain("aaaaaaaaaa");
		});
		assertThat(questions.all).noneMatch(q -> q.text().contains("TOP-SECRET"));
	}

	@Test
	void answersEveryMalformedBodyWithA4xx() throws Exception {
		String user = newUser();
		List<String> bodies = List.of("", "not xml at all", "<xml>", "<xml><ToUserName>x</ToUserName></xml>",
				"<other><a/></other>", "<xml><MsgType>text</MsgType><FromUserName>u</FromUserName></xml>",
				"\u0000\u0001binary", "<xml><MsgId>not-a-number</MsgId><ToUserName>a</ToUserName><FromUserName>" + user
						+ "</FromUserName><MsgType>text</MsgType><CreateTime>x</CreateTime></xml>");
		for (String body : bodies) {
			HttpResponse<String> response = postPlain(body);
			assertThat(response.statusCode()).as("body %s", body).isBetween(400, 499);
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
		}
		String garbage = "<xml><Encrypt><![CDATA[bm90IGNpcGhlcnRleHQ=]]></Encrypt></xml>";
		String timestamp = Long.toString(now());
		String query = signedQuery(timestamp, "n1") + "&encrypt_type=aes&msg_signature="
				+ WeChatWire.signature(TOKEN, timestamp, "n1", "bm90IGNpcGhlcnRleHQ=");
		assertThat(post(query, garbage).statusCode()).isEqualTo(400);
		assertThat(postPlain("<xml>" + "x".repeat(5000) + "</xml>").statusCode()).isEqualTo(413);
		assertThat(questions.asked(user)).isEmpty();
	}

	@Test
	void refusesWrongSignaturesWith403() throws Exception {
		String user = newUser();
		String xml = WeChatWire.textMessage(ACCOUNT, user, now(), "质量月的主题是什么", nextId());
		String timestamp = Long.toString(now());
		String forged = "signature=" + WeChatWire.signature("guess", timestamp, "n2") + "&timestamp=" + timestamp
				+ "&nonce=n2";
		String encrypt = WeChatWire.encrypt(AES_KEY, APP_ID, xml);
		String wrongMsgSignature = signedQuery(timestamp, "n2") + "&encrypt_type=aes&msg_signature="
				+ WeChatWire.signature("guess", timestamp, "n2", encrypt);

		HttpResponse<String> plain = post(forged, xml);
		HttpResponse<String> unsigned = post("", xml);
		HttpResponse<String> safe = post(wrongMsgSignature,
				"<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>");

		assertThat(List.of(plain, unsigned, safe)).allSatisfy(r -> {
			assertThat(r.statusCode()).isEqualTo(403);
			assertThat(r.body()).isEmpty();
		});
		assertThat(questions.asked(user)).isEmpty();
	}

	@Test
	void logsNoSecret(CapturedOutput output) throws Exception {
		String user = newUser();
		postSafe(WeChatWire.textMessage(ACCOUNT, user, now(), SLOW + "活动主题", nextId()));
		api.awaitTrue(() -> !api.customMessagesTo(user).isEmpty(), WAIT, "the slow answer was sent");
		post("signature=x&timestamp=1&nonce=2", "<xml/>");
		post("", "");

		// the channel and Spring MVC log at DEBUG here, WxJava at its shipped level (its
		// DEBUG lines quote the access token)
		assertThat(output.getAll()).contains("WeChat callback refused").contains("/wechat/callback");
		assertThat(output.getAll()).doesNotContain(SECRET)
			.doesNotContain(AES_KEY)
			.doesNotContain(TOKEN)
			.doesNotContain(LoopbackWeChatApi.ACCESS_TOKEN);
	}

	private HttpResponse<String> get(String query) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/callback?" + query))
			.timeout(WAIT)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> postPlain(String xml) throws Exception {
		return post(signedQuery(Long.toString(now()), "nonce" + ids.incrementAndGet()), xml);
	}

	private HttpResponse<String> postSafe(String xml) throws Exception {
		String timestamp = Long.toString(now());
		String nonce = "nonce" + ids.incrementAndGet();
		String encrypt = WeChatWire.encrypt(AES_KEY, APP_ID, xml);
		String query = signedQuery(timestamp, nonce) + "&openid=" + URLEncoder.encode("o-any", StandardCharsets.UTF_8)
				+ "&encrypt_type=aes&msg_signature=" + WeChatWire.signature(TOKEN, timestamp, nonce, encrypt);
		return post(query, "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
				+ "]]></Encrypt></xml>");
	}

	private HttpResponse<String> post(String query, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wechat/callback?" + query))
			.timeout(WAIT)
			.header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String signedQuery(String timestamp, String nonce) {
		return "signature=" + WeChatWire.signature(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
				+ nonce;
	}

	private static String newUser() {
		return "oLoop" + ids.incrementAndGet();
	}

	private static long nextId() {
		return ids.incrementAndGet();
	}

	private static long now() {
		return System.currentTimeMillis() / 1000 + ids.incrementAndGet() % 1000;
	}

	/**
	 * Sees every question the chat service answers (a bean itself); makes questions
	 * containing {@link #SLOW} slow.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Questions implements ConversationListener {

		final List<Question> all = new CopyOnWriteArrayList<>();

		final Map<String, List<Question>> bySession = new ConcurrentHashMap<>();

		final AtomicInteger ratings = new AtomicInteger();

		List<Question> asked(String openId) {
			return bySession.getOrDefault("wechat:" + openId, List.of());
		}

		@Override
		public void onReply(Question question, Reply reply) {
			all.add(question);
			bySession.computeIfAbsent(String.valueOf(question.sessionId()), k -> new CopyOnWriteArrayList<>())
				.add(question);
			if (question.text().contains(SLOW)) {
				try {
					Thread.sleep(3000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public void onFeedback(String replyId, boolean helpful) {
			ratings.incrementAndGet();
		}

	}

}
