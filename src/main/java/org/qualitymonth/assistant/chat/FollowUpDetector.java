package org.qualitymonth.assistant.chat;

import java.util.Arrays;
import java.util.List;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Recognises elliptical follow-ups such as "那邮箱呢" or "还有呢" that only make sense against
 * the previous topic. The marker words live in messages.properties with the other Chinese
 * text.
 */
final class FollowUpDetector {

	private final List<String> leading;

	private final List<String> trailing;

	private final int maxLength;

	FollowUpDetector(int maxLength, MessageSource messages) {
		this.leading = split(messages.getMessage("followUp.leading", null, Locale.SIMPLIFIED_CHINESE));
		this.trailing = split(messages.getMessage("followUp.trailing", null, Locale.SIMPLIFIED_CHINESE));
		this.maxLength = maxLength;
	}

	boolean isFollowUp(String normalized) {
		String compact = normalized.replace(" ", "");
		if (compact.isEmpty() || compact.length() > maxLength) {
			return false;
		}
		return leading.stream().anyMatch(compact::startsWith) || trailing.stream().anyMatch(compact::endsWith);
	}

	private static List<String> split(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
