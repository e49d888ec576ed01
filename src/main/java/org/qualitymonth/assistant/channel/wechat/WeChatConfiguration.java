package org.qualitymonth.assistant.channel.wechat;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.qualitymonth.assistant.channel.delivery.Lanes;
import org.qualitymonth.assistant.chat.ConversationSettings;
import org.qualitymonth.assistant.chat.Conversations;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * Wires the WeChat channel on WxJava, only when a token and an app id are set. WxJava's
 * Spring Boot starter is built for Boot 2 and 3, so its service is wired here with plain
 * beans.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WeChatConditions.Configured.class)
class WeChatConfiguration {

	/** WeChat's rule for the server configuration's Token. */
	private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9]{3,32}");

	/** The EncodingAESKey: 43 characters of Base64 without the padding. */
	private static final Pattern AES_KEY_SHAPE = Pattern.compile("[A-Za-z0-9+/]{43}");

	@Bean
	WxMpDefaultConfigImpl wechatConfig(WeChatSettings settings) {
		check(settings);
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(settings.appId());
		config.setSecret(settings.secret());
		config.setToken(settings.token());
		config.setAesKey(settings.safeMode() ? settings.aesKey() : null);
		config.useStableAccessToken(true);
		String api = settings.apiUrl().toString().replaceAll("/+$", "");
		config.setHostConfig(
				new WxMpHostConfig(api, WxMpHostConfig.OPEN_DEFAULT_HOST_URL, WxMpHostConfig.MP_DEFAULT_HOST_URL));
		return config;
	}

	@Bean
	WxMpService wechatService(WxMpDefaultConfigImpl wechatConfig) {
		WxMpServiceImpl service = new WxMpServiceImpl();
		service.setWxMpConfigStorage(wechatConfig);
		// a busy answer is retried by its lane, not by sleeping inside the library
		service.setMaxRetryTimes(0);
		return service;
	}

	@Bean
	WeChatEnvelope wechatEnvelope(WxMpDefaultConfigImpl wechatConfig) {
		return new WeChatEnvelope(wechatConfig);
	}

	@Bean
	OpenIds wechatOpenIds() {
		return new OpenIds();
	}

	@Bean(destroyMethod = "shutdown")
	ExecutorService wechatSending() {
		return pool("wechat-send-", 2, 10_000);
	}

	@Bean(destroyMethod = "shutdown")
	ExecutorService wechatAnswering() {
		return pool("wechat-answer-", 4, 1_000);
	}

	@Bean
	CustomerService wechatCustomerService(WxMpService wechatService, ExecutorService wechatSending,
			OpenIds wechatOpenIds, WeChatSettings settings) {
		return new CustomerService(wechatService, new Lanes(wechatSending), wechatOpenIds, settings.delivery());
	}

	@Bean
	PassiveReplies wechatPassiveReplies(ExecutorService wechatAnswering, CustomerService wechatCustomerService,
			WeChatSettings settings, ConversationSettings conversation,
			org.springframework.beans.factory.ObjectProvider<org.qualitymonth.assistant.chat.DeliveryClaims> claims) {
		return new PassiveReplies(wechatAnswering, wechatCustomerService, settings.replyWithin(),
				conversation.deliveriesRemembered(), conversation.maxRemembered(),
				claims.getIfAvailable(() -> org.qualitymonth.assistant.chat.DeliveryClaims.IN_THIS_PROCESS));
	}

	@Bean
	WeChatDialogue wechatDialogue(Conversations conversations, WeChatSettings settings,
			ConversationSettings conversation, MessageSource messageSource) {
		MessageSourceAccessor messages = new MessageSourceAccessor(messageSource, Locale.SIMPLIFIED_CHINESE);
		return new WeChatDialogue(conversations, new WeChatText(settings.maxMessageBytes(), messages),
				new NumberedChoices(settings.choicesRemembered(), conversation.maxRemembered(), messages), messages);
	}

	@Bean
	WeChatMenu wechatMenu(WxMpService wechatService, Conversations conversations, WeChatSettings settings,
			MessageSource messageSource) {
		return new WeChatMenu(wechatService, conversations, settings.menu(),
				new MessageSourceAccessor(messageSource, Locale.SIMPLIFIED_CHINESE));
	}

	/** Customer-service messages sent and given up. */
	@Bean
	MeterBinder wechatMetrics(CustomerService wechatCustomerService) {
		return registry -> {
			FunctionCounter.builder("assistant.wechat.sends", wechatCustomerService, CustomerService::sent)
				.description("WeChat customer-service messages sent")
				.tag("result", "sent")
				.register(registry);
			FunctionCounter.builder("assistant.wechat.sends", wechatCustomerService, CustomerService::failed)
				.description("WeChat customer-service messages given up (logged as errors)")
				.tag("result", "failed")
				.register(registry);
			FunctionCounter.builder("assistant.wechat.retries", wechatCustomerService, CustomerService::retried)
				.description("WeChat customer-service messages repeated after a transient failure")
				.register(registry);
		};
	}

	private static ExecutorService pool(String name, int threads, int queue) {
		AtomicInteger count = new AtomicInteger();
		return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), task -> {
			Thread thread = new Thread(task, name + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Refuses settings that cannot work, with messages that never repeat a secret. */
	static void check(WeChatSettings settings) {
		if (!TOKEN_SHAPE.matcher(settings.token()).matches()) {
			throw new IllegalStateException("bot.wechat.token (BOT_WECHAT_TOKEN) must be 3 to 32 letters or digits,"
					+ " as entered in the Official Account's server configuration");
		}
		if (settings.secret().isEmpty()) {
			throw new IllegalStateException(
					"bot.wechat.secret (BOT_WECHAT_SECRET) is not set: the AppSecret is needed to"
							+ " send answers that take longer than WeChat's 5 seconds");
		}
		if (settings.safeMode() && !AES_KEY_SHAPE.matcher(settings.aesKey()).matches()) {
			throw new IllegalStateException("bot.wechat.aes-key (BOT_WECHAT_AES_KEY) must be the 43-character"
					+ " EncodingAESKey from the server configuration, or empty for plain mode");
		}
		URI api = settings.apiUrl();
		if (api.getScheme() == null
				|| !(api.getScheme().equalsIgnoreCase("https") || api.getScheme().equalsIgnoreCase("http"))
				|| api.getHost() == null || api.getRawUserInfo() != null || api.getRawQuery() != null
				|| api.getRawFragment() != null
				|| !(api.getRawPath() == null || api.getRawPath().isEmpty() || api.getRawPath().equals("/"))) {
			throw new IllegalStateException("bot.wechat.api-url must be scheme://host[:port] with no path, e.g."
					+ " https://api.weixin.qq.com");
		}
	}

}
