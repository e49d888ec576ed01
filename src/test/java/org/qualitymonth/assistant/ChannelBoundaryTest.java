package org.qualitymonth.assistant;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.qualitymonth.assistant.boundaryfixture.LeakedPlatformTypes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside the channel module, which Spring Modulith sees as one (ModularityTests): each
 * channel's platform types stay in its package, each channel package shows only its
 * settings, no channel uses another, and the conversation core knows no channel. ArchUnit
 * rules over the compiled application classes.
 */
class ChannelBoundaryTest {

	private static final String BASE = "org.qualitymonth.assistant";

	private static final JavaClasses APPLICATION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	private static final ArchRule WECHAT_TYPES_STAY_IN_WECHAT = noClasses().that()
		.resideOutsideOfPackage(BASE + ".channel.wechat..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("me.chanjar.weixin..", "com.github.binarywang..");

	private static final ArchRule TELEGRAM_TYPES_STAY_IN_TELEGRAM = noClasses().that()
		.resideOutsideOfPackage(BASE + ".channel.telegram..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.telegram..");

	@Test
	void platformTypesStayInTheirChannel() {
		WECHAT_TYPES_STAY_IN_WECHAT.check(APPLICATION);
		TELEGRAM_TYPES_STAY_IN_TELEGRAM.check(APPLICATION);
		JavaClasses leak = new ClassFileImporter().importClasses(LeakedPlatformTypes.class);
		assertThat(WECHAT_TYPES_STAY_IN_WECHAT.evaluate(leak).hasViolation()).as("the check can fail").isTrue();
		assertThat(TELEGRAM_TYPES_STAY_IN_TELEGRAM.evaluate(leak).hasViolation()).as("the check can fail").isTrue();
	}

	@Test
	void theConversationCoreAndTheDeliveryKitKnowNoChannel() {
		noClasses().that()
			.resideInAnyPackage(BASE + ".chat..", BASE + ".nlu..", BASE + ".knowledge..", BASE + ".channel.delivery..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("me.chanjar..", "org.telegram..", "jakarta.servlet..", BASE + ".channel.web..",
					BASE + ".channel.telegram..", BASE + ".channel.wechat..")
			.check(APPLICATION);
		assertThat(APPLICATION.stream().filter(c -> c.getPackageName().equals(BASE + ".chat"))).hasSizeGreaterThan(10);
	}

	@Test
	void theTelegramAndWeChatChannelsKeepNoPolicyOfTheirOwn() {
		List<String> sharedPolicy = List.of("io.github.bucket4j..", "io.github.resilience4j.retry..");
		DescribedPredicate<JavaClass> chatPolicy = DescribedPredicate.describe("the chat service or flood control",
				c -> c.getName().equals(BASE + ".chat.FloodControl") || c.getName().equals(BASE + ".chat.ChatService"));
		noClasses().that()
			.resideInAPackage(BASE + ".channel.telegram..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(sharedPolicy, "com.github.benmanes.caffeine..").toArray(String[]::new))
			.orShould()
			.dependOnClassesThat(chatPolicy)
			.because("rate, retry and rating rules live once, outside the channels")
			.check(APPLICATION);
		noClasses().that()
			.resideInAPackage(BASE + ".channel.wechat..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(sharedPolicy.toArray(String[]::new))
			.orShould()
			.dependOnClassesThat(chatPolicy)
			.because("rate, retry and rating rules live once, outside the channels")
			.check(APPLICATION);
		assertThat(dependsOn("channel.telegram.TelegramBot", "chat.Conversations"))
			.as("Telegram goes through the conversation core")
			.isTrue();
		assertThat(dependsOn("channel.telegram.Outbox", "channel.delivery.Retrying"))
			.as("Telegram sends through the delivery kit")
			.isTrue();
	}

	@Test
	void noChannelUsesAnotherChannel() {
		List<String> channels = List.of(BASE + ".channel.telegram..", BASE + ".channel.wechat..",
				BASE + ".channel.web..");
		for (String channel : channels) {
			noClasses().that()
				.resideInAPackage(channel)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(channels.stream().filter(other -> !other.equals(channel)).toArray(String[]::new))
				.check(APPLICATION);
		}
	}

	@Test
	void eachChannelShowsOnlyItsSettings() {
		for (String channel : List.of("wechat.WeChatSettings", "telegram.TelegramSettings")) {
			String settings = BASE + ".channel." + channel;
			String pkg = settings.substring(0, settings.lastIndexOf('.'));
			classes().that()
				.resideInAPackage(pkg)
				.and(REACHABLE)
				.should()
				.haveNameMatching(java.util.regex.Pattern.quote(settings) + "(\\$.*)?")
				.check(APPLICATION);
			assertThat(REACHABLE.test(APPLICATION.get(settings))).as(settings).isTrue();
		}
	}

	/** Reachable from other packages: public, and so is every type it is nested in. */
	private static final DescribedPredicate<JavaClass> REACHABLE = DescribedPredicate
		.describe("reachable from other packages", ChannelBoundaryTest::isReachable);

	private static boolean isReachable(JavaClass type) {
		for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
			if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
				return false;
			}
		}
		return true;
	}

	private static boolean dependsOn(String origin, String target) {
		return APPLICATION.get(BASE + "." + origin)
			.getDirectDependenciesFromSelf()
			.stream()
			.anyMatch(d -> d.getTargetClass().getName().equals(BASE + "." + target));
	}

	private static List<String> concat(List<String> list, String more) {
		return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(more)).toList();
	}

}
