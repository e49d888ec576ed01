package org.qualitymonth.assistant.channel.wechat;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.ConversationKey;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * What the last message of each conversation offered: its numbered choices, so that
 * replying "1" picks the first, and the reply a "好" or "不好" rates. WeChat has no buttons
 * in chat, so the numbers and words stand in for them.
 */
final class NumberedChoices {

	/** What a short reply to the last message means. */
	sealed interface Pick {

		record Topic(String intent) implements Pick {
		}

		record Rating(String replyId, boolean helpful) implements Pick {
		}

	}

	private record Offer(List<Choice> choices, String replyId) {
	}

	private final Set<String> helpful;

	private final Set<String> unhelpful;

	private final Cache<String, Offer> offers;

	NumberedChoices(Duration remembered, long maxConversations, MessageSourceAccessor messages) {
		this.helpful = words(messages, "wechat.rate.helpfulWords");
		this.unhelpful = words(messages, "wechat.rate.unhelpfulWords");
		this.offers = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(maxConversations).build();
	}

	void offered(ConversationKey key, WeChatText.Rendered rendered) {
		Offer previous = offers.getIfPresent(key.value());
		// a notice ("thanks", "slow down") leaves the earlier offer standing
		if (rendered.numbered().isEmpty() && rendered.replyId() == null) {
			return;
		}
		String replyId = rendered.replyId() != null ? rendered.replyId()
				: rendered.numbered().isEmpty() && previous != null ? previous.replyId() : null;
		offers.put(key.value(), new Offer(rendered.numbered(), replyId));
	}

	/**
	 * The choice or rating {@code text} stands for, if it is a number or rating word
	 * answering the last offer.
	 */
	Optional<Pick> pick(ConversationKey key, String text) {
		Offer offer = offers.getIfPresent(key.value());
		if (offer == null) {
			return Optional.empty();
		}
		String word = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (word.matches("[0-9]{1,2}")) {
			int number = Integer.parseInt(word);
			return number >= 1 && number <= offer.choices().size()
					? Optional.of(new Pick.Topic(offer.choices().get(number - 1).intent())) : Optional.empty();
		}
		if (offer.replyId() != null && (helpful.contains(word) || unhelpful.contains(word))) {
			return Optional.of(new Pick.Rating(offer.replyId(), helpful.contains(word)));
		}
		return Optional.empty();
	}

	private static Set<String> words(MessageSourceAccessor messages, String key) {
		return Arrays.stream(messages.getMessage(key).split(","))
			.map(w -> Normalizer.normalize(w, Normalizer.Form.NFKC).strip())
			.filter(w -> !w.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

}
