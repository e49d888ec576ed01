package org.qualitymonth.assistant.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * Renders replies as WeChat plain text: the answer, its source line, choices as numbered
 * lines ("回复 1 查看：活动时间") and the 👍/👎 question as "回复 好 / 不好". Text over the per-message
 * limit (UTF-8 bytes) is split at a sentence end where there is one, and never inside a
 * character.
 */
final class WeChatText {

	/**
	 * Messages to send in order, and what the numbers in them pick. {@code replyId} is
	 * null unless ratable.
	 */
	record Rendered(List<String> parts, List<Choice> numbered, String replyId) {

		Rendered {
			parts = List.copyOf(parts);
			numbered = List.copyOf(numbered);
		}

	}

	private static final String GAP = "\n\n";

	private static final String SENTENCE_ENDS = "。！？!?；;\n";

	private static final String CLAUSE_ENDS = "，,、：: ";

	private final int maxBytes;

	private final MessageSourceAccessor messages;

	WeChatText(int maxBytes, MessageSourceAccessor messages) {
		this.messages = messages;
		this.maxBytes = maxBytes;
	}

	Rendered reply(Reply reply) {
		List<String> blocks = new ArrayList<>();
		blocks.add(reply.answer() == null || reply.answer().isBlank() ? "…" : reply.answer().strip());
		if (reply.source() != null && !reply.source().isBlank()) {
			blocks.add(messages.getMessage("reply.sourcePrefix") + reply.source().strip());
		}
		List<Choice> numbered;
		if (reply.outcome() == Outcome.SUGGESTED && !reply.suggestions().isEmpty()) {
			numbered = reply.suggestions();
			blocks.add(messages.getMessage("reply.suggestPrompt") + "\n" + numberedLines(numbered));
		}
		else if (reply.outcome() == Outcome.DECLINED) {
			numbered = reply.suggestions();
			if (!numbered.isEmpty()) {
				blocks.add(messages.getMessage("wechat.menu") + "\n" + numberedLines(numbered));
			}
		}
		else {
			numbered = reply.related();
			if (reply.details() != null && reply.intent() != null) {
				// a short single fact: "1" brings the topic's whole paragraph
				numbered = new ArrayList<>(numbered);
				numbered.add(0, new Choice(reply.intent(), messages.getMessage("reply.details")));
			}
			if (!numbered.isEmpty()) {
				blocks.add(messages.getMessage("wechat.related") + "\n" + numberedLines(numbered));
			}
		}
		if (reply.answered()) {
			blocks.add(messages.getMessage("wechat.rate"));
		}
		// the source, choices and rating question travel together, in the last message
		String tail = String.join(GAP, blocks.subList(1, blocks.size()));
		List<String> packed = tail.isEmpty() ? pack(List.of(blocks.get(0))) : pack(List.of(blocks.get(0), tail));
		return new Rendered(packed, numbered, reply.answered() ? reply.id() : null);
	}

	/** A heading and the topics as numbered lines (welcome, menu, a stale choice). */
	Rendered topics(String heading, List<Choice> menu) {
		String text = menu.isEmpty() ? heading : heading + "\n" + numberedLines(menu);
		return new Rendered(split(text, maxBytes), menu, null);
	}

	/** A short notice (please type, slow down, thanks, ...). */
	Rendered notice(String text) {
		return new Rendered(split(text, maxBytes), List.of(), null);
	}

	private String numberedLines(List<Choice> choices) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < choices.size(); i++) {
			if (i > 0) {
				lines.append('\n');
			}
			lines.append(messages.getMessage("wechat.choice",
					new Object[] { Integer.toString(i + 1), choices.get(i).title() }));
		}
		return lines.toString();
	}

	/**
	 * Blocks joined by blank lines, as few messages as fit; a block too long on its own
	 * is split.
	 */
	private List<String> pack(List<String> blocks) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String block : blocks) {
			for (String piece : split(block, maxBytes)) {
				String joined = current.length() == 0 ? piece : current + GAP + piece;
				if (bytes(joined) <= maxBytes) {
					current.setLength(0);
					current.append(joined);
				}
				else {
					parts.add(current.toString());
					current.setLength(0);
					current.append(piece);
				}
			}
		}
		if (current.length() > 0) {
			parts.add(current.toString());
		}
		return parts;
	}

	/**
	 * {@code text} in pieces of at most {@code maxBytes} UTF-8 bytes: cut after the last
	 * sentence end that keeps a piece at least a third full, else after the last clause
	 * mark, else at the last whole character.
	 */
	static List<String> split(String text, int maxBytes) {
		List<String> pieces = new ArrayList<>();
		String rest = text.strip();
		while (bytes(rest) > maxBytes) {
			int fits = longestPrefix(rest, maxBytes);
			int cut = lastIndexOfAny(rest, fits, SENTENCE_ENDS);
			if (cut < fits / 3) {
				cut = lastIndexOfAny(rest, fits, CLAUSE_ENDS);
			}
			if (cut < fits / 3) {
				cut = fits;
			}
			String piece = rest.substring(0, cut).strip();
			if (!piece.isEmpty()) {
				pieces.add(piece);
			}
			rest = rest.substring(cut).strip();
		}
		if (!rest.isEmpty()) {
			pieces.add(rest);
		}
		return pieces;
	}

	/**
	 * The length (in chars, on a code point boundary) of the longest prefix within
	 * {@code maxBytes}.
	 */
	private static int longestPrefix(String text, int maxBytes) {
		int used = 0;
		int end = 0;
		while (end < text.length()) {
			int codePoint = text.codePointAt(end);
			int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
			if (used + size > maxBytes) {
				break;
			}
			used += size;
			end += Character.charCount(codePoint);
		}
		return end;
	}

	/**
	 * The position just after the last of {@code marks} within the first {@code limit}
	 * chars, or 0.
	 */
	private static int lastIndexOfAny(String text, int limit, String marks) {
		for (int i = limit - 1; i > 0; i--) {
			if (marks.indexOf(text.charAt(i)) >= 0) {
				return i + 1;
			}
		}
		return 0;
	}

	static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
