package org.qualitymonth.assistant.channel.wechat;

import java.util.List;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * With {@code bot.wechat.menu=true}, publishes the main topics as the account's menu at
 * start-up: up to three groups of up to five CLICK buttons whose key is the intent id, so
 * a tap answers that topic. Runs in the background once the application is ready; a
 * failure is logged and the channel goes on without a menu.
 */
final class WeChatMenu {

	/** WeChat's limits: three top-level buttons, five under each. */
	private static final int GROUPS = 3;

	private static final int PER_GROUP = 5;

	private static final Logger log = LoggerFactory.getLogger(WeChatMenu.class);

	private final WxMpService wechat;

	private final Conversations conversations;

	private final boolean enabled;

	private final MessageSourceAccessor messages;

	WeChatMenu(WxMpService wechat, Conversations conversations, boolean enabled, MessageSourceAccessor messages) {
		this.messages = messages;
		this.wechat = wechat;
		this.conversations = conversations;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void publishWhenReady() {
		if (!enabled) {
			return;
		}
		Thread thread = new Thread(this::publish, "wechat-menu");
		thread.setDaemon(true);
		thread.start();
	}

	void publish() {
		try {
			wechat.getMenuService().menuCreate(menu(conversations.menu()));
			log.info("WeChat: the topic menu is published");
		}
		catch (WxErrorException | RuntimeException ex) {
			log.warn("WeChat: the topic menu could not be published ({}); the account keeps its current menu",
					CustomerService.describe(ex));
		}
	}

	WxMenu menu(List<Choice> topics) {
		WxMenu menu = new WxMenu();
		for (int group = 0; group < GROUPS && group * PER_GROUP < topics.size(); group++) {
			WxMenuButton parent = new WxMenuButton();
			parent.setName(messages.getMessage("wechat.menu.button." + (group + 1)));
			for (Choice topic : topics.subList(group * PER_GROUP, Math.min(topics.size(), (group + 1) * PER_GROUP))) {
				WxMenuButton button = new WxMenuButton();
				button.setType(WxConsts.MenuButtonType.CLICK);
				button.setName(topic.title());
				button.setKey(topic.intent());
				parent.getSubButtons().add(button);
			}
			menu.getButtons().add(parent);
		}
		return menu;
	}

}
