package org.qualitymonth.assistant.channel.wechat;

import java.util.List;
import java.util.Optional;

import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.qualitymonth.assistant.chat.ConversationKey;
import org.qualitymonth.assistant.chat.Conversations;
import org.qualitymonth.assistant.chat.Inbound;
import org.qualitymonth.assistant.chat.NotReadyException;
import org.qualitymonth.assistant.chat.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The WeChat translator proper: one verified message in, an {@link Inbound} to the
 * {@link Conversations}, the outcome rendered as WeChat text. Text messages are questions
 * (or a number picking an offered topic, or "好"/"不好" rating the last answer); a subscribe
 * event gets the welcome and the topics; a menu click (its EventKey is an intent id) gets
 * that topic's answer; pictures, voice, locations and the like get a polite "please
 * type". Never throws: a failure becomes an apology.
 */
final class WeChatDialogue {

	static final String CHANNEL = "wechat";

	private static final Logger log = LoggerFactory.getLogger(WeChatDialogue.class);

	private final Conversations conversations;

	private final WeChatText text;

	private final NumberedChoices choices;

	private final MessageSourceAccessor messages;

	WeChatDialogue(Conversations conversations, WeChatText text, NumberedChoices choices,
			MessageSourceAccessor messages) {
		this.messages = messages;
		this.conversations = conversations;
		this.text = text;
		this.choices = choices;
	}

	/** The messages to send back, in order; empty when the message needs no answer. */
	List<String> respond(WxMpXmlMessage message) {
		ConversationKey key = new ConversationKey(CHANNEL, message.getFromUser());
		try {
			Optional<WeChatText.Rendered> rendered = render(key, message);
			rendered.ifPresent(r -> choices.offered(key, r));
			return rendered.map(WeChatText.Rendered::parts).orElse(List.of());
		}
		catch (NotReadyException ex) {
			return text.notice(messages.getMessage("wechat.notReady")).parts();
		}
		catch (RuntimeException ex) {
			// the exception may quote the question; its type and origin are enough to
			// find the bug
			StackTraceElement at = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
			log.error("WeChat: a {} message could not be answered: {} at {}", message.getMsgType(),
					ex.getClass().getName(), at);
			return text.notice(messages.getMessage("wechat.error")).parts();
		}
	}

	private Optional<WeChatText.Rendered> render(ConversationKey key, WxMpXmlMessage message) {
		String type = message.getMsgType();
		if (WxConsts.XmlMsgType.TEXT.equals(type)) {
			String content = message.getContent() == null ? "" : message.getContent();
			Inbound inbound = choices.pick(key, content)
				.<Inbound>map(pick -> pick instanceof NumberedChoices.Pick.Topic topic
						? new Inbound.Choose(key, topic.intent())
						: new Inbound.Rate(key, ((NumberedChoices.Pick.Rating) pick).replyId(),
								((NumberedChoices.Pick.Rating) pick).helpful()))
				.orElseGet(() -> new Inbound.Text(key, content));
			return render(conversations.handle(inbound), messages.getMessage("wechat.menu"));
		}
		if (WxConsts.XmlMsgType.EVENT.equals(type)) {
			String event = message.getEvent() == null ? "" : message.getEvent();
			if (event.equalsIgnoreCase(WxConsts.EventType.SUBSCRIBE)) {
				return render(conversations.handle(new Inbound.Menu(key)), messages.getMessage("wechat.welcome"));
			}
			if (event.equalsIgnoreCase(WxConsts.EventType.CLICK) && message.getEventKey() != null
					&& !message.getEventKey().isBlank()) {
				return render(conversations.handle(new Inbound.Choose(key, message.getEventKey().strip())),
						messages.getMessage("wechat.menu"));
			}
			// unsubscribe, location reports, link-menu views: nothing to say
			return Optional.empty();
		}
		// image, voice, video, shortvideo, location, link, file: sent on purpose, but not
		// text
		return Optional.of(text.notice(messages.getMessage("wechat.pleaseType")));
	}

	private Optional<WeChatText.Rendered> render(Outbound outbound, String topicsHeading) {
		if (outbound instanceof Outbound.Answer answer) {
			return Optional.of(text.reply(answer.reply()));
		}
		if (outbound instanceof Outbound.Topics topics) {
			return Optional.of(text.topics(topicsHeading, topics.menu()));
		}
		if (outbound instanceof Outbound.Rated) {
			return Optional.of(text.notice(messages.getMessage("wechat.feedback.thanks")));
		}
		if (outbound instanceof Outbound.TooLong tooLong) {
			return Optional
				.of(text.notice(messages.getMessage("wechat.tooLong", new Object[] { tooLong.maxLength() })));
		}
		if (outbound instanceof Outbound.Throttled throttled) {
			return throttled.firstNotice() ? Optional.of(text.notice(messages.getMessage("wechat.flood")))
					: Optional.empty();
		}
		if (outbound instanceof Outbound.Unreadable) {
			return Optional.of(text.notice(messages.getMessage("wechat.pleaseType")));
		}
		Outbound.UnknownTopic stale = (Outbound.UnknownTopic) outbound;
		return Optional.of(text.topics(
				messages.getMessage("wechat.staleChoice") + "\n" + messages.getMessage("wechat.menu"), stale.menu()));
	}

}
