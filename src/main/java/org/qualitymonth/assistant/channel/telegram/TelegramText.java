package org.qualitymonth.assistant.channel.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Text as Telegram's HTML parse mode accepts it. Every dynamic string goes through
 * {@link #escape}; HTML was chosen over MarkdownV2 because only three characters need
 * escaping there, not eighteen ({@code . - ( )} among them, which every phone number and
 * email contains).
 */
final class TelegramText {

	/** Telegram's limit for one message, in UTF-16 code units after entity parsing. */
	static final int MAX_MESSAGE_LENGTH = 4096;

	private static final String BREAKS_PARAGRAPH = "\n\n";

	private static final String SENTENCE_ENDS = "。！？；.!?;\n";

	private TelegramText() {
	}

	/**
	 * The text with {@code & < > "} replaced by the entities Telegram's HTML mode knows.
	 */
	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Cuts plain text into pieces whose escaped form is at most {@code limit} characters,
	 * preferring paragraph breaks, then sentence ends, then spaces; never inside a
	 * surrogate pair. Joining the pieces gives the text back unchanged.
	 */
	static List<String> split(String text, int limit) {
		if (limit < 8) {
			throw new IllegalArgumentException("limit too small: " + limit);
		}
		List<String> pieces = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = longestFit(text, start, limit);
			if (end < text.length()) {
				end = niceCut(text, start, end);
			}
			pieces.add(text.substring(start, end));
			start = end;
		}
		return pieces;
	}

	/** The end of the longest prefix from {@code start} whose escaped length fits. */
	private static int longestFit(String text, int start, int limit) {
		int length = 0;
		int i = start;
		while (i < text.length()) {
			int cost = escapedLength(text.charAt(i));
			if (length + cost > limit) {
				break;
			}
			length += cost;
			i++;
		}
		if (i < text.length() && i > start && Character.isHighSurrogate(text.charAt(i - 1))) {
			i--;
		}
		return i;
	}

	private static int niceCut(String text, int start, int end) {
		int minimum = start + (end - start) / 2;
		int paragraph = text.lastIndexOf(BREAKS_PARAGRAPH, end - BREAKS_PARAGRAPH.length());
		if (paragraph >= minimum) {
			return paragraph + BREAKS_PARAGRAPH.length();
		}
		for (int i = end - 1; i >= minimum; i--) {
			if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
				return i + 1;
			}
		}
		for (int i = end - 1; i >= minimum; i--) {
			if (Character.isWhitespace(text.charAt(i))) {
				return i + 1;
			}
		}
		return end;
	}

	private static int escapedLength(char c) {
		return switch (c) {
			case '&' -> 5;
			case '<', '>' -> 4;
			case '"' -> 6;
			default -> 1;
		};
	}

}
