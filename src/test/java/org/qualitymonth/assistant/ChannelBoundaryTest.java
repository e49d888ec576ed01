package org.qualitymonth.assistant;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each channel's platform types stay in its package, each channel package shows only its settings, and the
 * conversation core knows no channel: checked on the compiled classes, whose constant pools name every type they use.
 */
class ChannelBoundaryTest {

	private static final String BASE = "org/qualitymonth/assistant/";

	/** A platform library and the one package that may use it. */
	private static final Map<String, String> PLATFORMS = Map.of("me/chanjar/weixin/", BASE + "channel/wechat/",
			"org/telegram/", BASE + "channel/telegram/", "com/github/binarywang/", BASE + "channel/wechat/");

	/** What the core and the delivery kit must not mention at all. */
	private static final List<String> CHANNEL_TYPES = List.of("me/chanjar/", "org/telegram/", "jakarta/servlet/",
			BASE + "channel/web/", BASE + "channel/telegram/", BASE + "channel/wechat/");

	@Test
	void platformTypesStayInTheirChannel() throws Exception {
		Path root = classesRoot();
		for (Map.Entry<String, String> platform : PLATFORMS.entrySet()) {
			List<String> offenders = classes(root).filter(f -> !relative(root, f).startsWith(platform.getValue()))
				.filter(f -> mentions(f, platform.getKey()))
				.map(f -> relative(root, f))
				.toList();
			assertThat(offenders).as("classes outside %s using %s", platform.getValue(), platform.getKey()).isEmpty();
		}
		assertThat(mentions(root.resolve(BASE + "channel/wechat/WeChatEnvelope.class"), "me/chanjar/weixin/"))
			.as("the check can fail")
			.isTrue();
		assertThat(mentions(root.resolve(BASE + "channel/telegram/TelegramBot.class"), "org/telegram/"))
			.as("the check can fail")
			.isTrue();
	}

	@Test
	void theConversationCoreAndTheDeliveryKitKnowNoChannel() throws Exception {
		Path root = classesRoot();
		for (String core : List.of(BASE + "chat/", BASE + "nlu/", BASE + "knowledge/", BASE + "channel/delivery/")) {
			List<String> offenders = classes(root).filter(f -> relative(root, f).startsWith(core))
				.filter(f -> CHANNEL_TYPES.stream().anyMatch(type -> mentions(f, type)))
				.map(f -> relative(root, f))
				.toList();
			assertThat(offenders).as("classes in %s that use a channel's types", core).isEmpty();
		}
		assertThat(classes(root).filter(f -> relative(root, f).startsWith(BASE + "chat/")).count()).isGreaterThan(10);
	}

	/** What a channel reaches only through {@code Conversations} and {@code channel/delivery}. */
	private static final List<String> SHARED_POLICY = List.of("io/github/bucket4j/", "io/github/resilience4j/retry/",
			BASE + "chat/FloodControl", BASE + "chat/ChatService");

	@Test
	void theTelegramAndWeChatChannelsKeepNoPolicyOfTheirOwn() throws Exception {
		Path root = classesRoot();
		Map<String, List<String>> forbidden = Map.of(BASE + "channel/telegram/",
				concat(SHARED_POLICY, List.of("com/github/benmanes/caffeine/")), BASE + "channel/wechat/", SHARED_POLICY);
		for (Map.Entry<String, List<String>> channel : forbidden.entrySet()) {
			List<String> offenders = classes(root).filter(f -> relative(root, f).startsWith(channel.getKey()))
				.filter(f -> channel.getValue().stream().anyMatch(type -> mentions(f, type)))
				.map(f -> relative(root, f))
				.toList();
			assertThat(offenders).as("classes in %s with rate, retry or rating rules of their own", channel.getKey())
				.isEmpty();
		}
		assertThat(mentions(root.resolve(BASE + "channel/telegram/TelegramBot.class"), BASE + "chat/Conversations"))
			.as("Telegram goes through the conversation core")
			.isTrue();
		assertThat(mentions(root.resolve(BASE + "channel/telegram/Outbox.class"), BASE + "channel/delivery/Retrying"))
			.as("Telegram sends through the delivery kit")
			.isTrue();
	}

	@Test
	void noChannelUsesAnotherChannel() throws Exception {
		Path root = classesRoot();
		List<String> channels = List.of(BASE + "channel/telegram/", BASE + "channel/wechat/", BASE + "channel/web/");
		for (String channel : channels) {
			List<String> offenders = classes(root).filter(f -> relative(root, f).startsWith(channel))
				.filter(f -> channels.stream().filter(other -> !other.equals(channel)).anyMatch(other -> mentions(f, other)))
				.map(f -> relative(root, f))
				.toList();
			assertThat(offenders).as("classes in %s that use another channel", channel).isEmpty();
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	@Test
	void eachChannelShowsOnlyItsSettings() throws Exception {
		for (String channel : List.of("wechat/WeChatSettings", "telegram/TelegramSettings")) {
			String settings = "org.qualitymonth.assistant.channel." + channel.replace('/', '.');
			String pkg = settings.substring(0, settings.lastIndexOf('.'));
			Path dir = classesRoot().resolve(BASE + "channel/" + channel.substring(0, channel.indexOf('/') + 1));
			List<String> publicTypes;
			try (Stream<Path> files = Files.list(dir)) {
				publicTypes = files.map(f -> f.getFileName().toString())
					.filter(name -> name.endsWith(".class"))
					.map(name -> pkg + "." + name.substring(0, name.length() - 6))
					.filter(ChannelBoundaryTest::isPublic)
					.toList();
			}
			assertThat(publicTypes).as(pkg).contains(settings).allSatisfy(type -> assertThat(type).startsWith(settings));
		}
	}

	/** Reachable from other packages: public, and so is every type it is nested in. */
	private static boolean isPublic(String className) {
		try {
			for (Class<?> type = Class.forName(className); type != null; type = type.getEnclosingClass()) {
				if (!Modifier.isPublic(type.getModifiers())) {
					return false;
				}
			}
			return true;
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Stream<Path> classes(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(".class")).toList().stream();
		}
	}

	private static String relative(Path root, Path file) {
		return root.relativize(file).toString().replace('\\', '/');
	}

	private static boolean mentions(Path classFile, String internalName) {
		try {
			return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(internalName);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path classesRoot() throws URISyntaxException {
		return Path.of(AssistantApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

}
