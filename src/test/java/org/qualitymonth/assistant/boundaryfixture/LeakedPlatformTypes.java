package org.qualitymonth.assistant.boundaryfixture;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * What the channel boundary rules must refuse: a class outside the channels that handles
 * Telegram's and WeChat's own types. {@code ChannelBoundaryTest} runs its rules on this
 * class to show that they can fail.
 */
public class LeakedPlatformTypes {

	public String describe(Update update, WxMpXmlMessage message) {
		return update.getUpdateId() + " " + message.getMsgId();
	}

}
