package org.qualitymonth.assistant.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.nlu.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.MessageSourceAccessor;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Turns a {@link Reply} into Telegram messages: HTML with every dynamic string escaped,
 * split below 4096 characters, the buttons under the last part. Each message also carries
 * a plain-text twin, sent instead if Telegram ever refuses the HTML.
 */
final class ReplyRenderer {

	/** One message to send. {@code keyboard} may be null. */
	record Outgoing(String html, String plain, InlineKeyboardMarkup keyboard) {
	}

	private static final Logger log = LoggerFactory.getLogger(ReplyRenderer.class);

	private static final String GAP = "\n\n";

	private final int limit;

	private final MessageSourceAccessor messages;

	ReplyRenderer(MessageSourceAccessor messages) {
		this(TelegramText.MAX_MESSAGE_LENGTH, messages);
	}

	/** {@code limit} below Telegram's own only for tests of the splitting. */
	ReplyRenderer(int limit, MessageSourceAccessor messages) {
		this.limit = limit;
		this.messages = messages;
	}

	List<Outgoing> reply(Reply reply) {
		List<Block> blocks = new ArrayList<>();
		blocks.add(Block.text(reply.answer() == null ? "" : reply.answer().strip()));
		if (reply.source() != null && !reply.source().isBlank()) {
			String source = messages.getMessage("reply.sourcePrefix") + reply.source().strip();
			blocks.add(new Block("<i>" + TelegramText.escape(source) + "</i>", source, GAP));
		}
		List<InlineKeyboardRow> rows = new ArrayList<>();
		if (reply.details() != null && reply.intent() != null) {
			// a short single fact: the whole paragraph is the topic's own answer, one tap
			// away
			CallbackData.encode(new CallbackData.Choose(reply.intent())).ifPresent(data -> {
				InlineKeyboardRow details = new InlineKeyboardRow();
				details.add(button(messages.getMessage("reply.details"), data));
				rows.add(details);
			});
		}
		if (reply.outcome() == Outcome.SUGGESTED && !reply.suggestions().isEmpty()) {
			blocks.add(Block.text(messages.getMessage("reply.suggestPrompt")).after(GAP));
			rows.addAll(choiceRows(reply.suggestions(), 1));
		}
		else if (reply.outcome() == Outcome.DECLINED) {
			rows.addAll(choiceRows(reply.suggestions(), 2));
		}
		else {
			rows.addAll(choiceRows(reply.related(), 2));
		}
		if (reply.answered()) {
			feedbackRow(reply.id()).ifPresent(rows::add);
		}
		return pack(blocks, rows);
	}

	/**
	 * The /start and /help screen: what the bot answers, and the main topics as buttons.
	 */
	List<Outgoing> welcome(List<Choice> menu) {
		return pack(List.of(Block.text(messages.getMessage("telegram.welcome"))), choiceRows(menu, 2));
	}

	List<Outgoing> menu(List<Choice> menu) {
		return pack(List.of(Block.text(messages.getMessage("telegram.menu"))), choiceRows(menu, 2));
	}

	/** A short notice with no buttons (please type, slow down, ...). */
	List<Outgoing> notice(String text) {
		return pack(List.of(Block.text(text)), List.of());
	}

	private List<Outgoing> pack(List<Block> blocks, List<InlineKeyboardRow> rows) {
		List<Block> pieces = new ArrayList<>();
		for (Block block : blocks) {
			if (block.html().length() + block.separator().length() <= limit) {
				pieces.add(block);
			}
			else {
				// only plain blocks grow this long; their pieces are escaped one by one
				List<String> parts = TelegramText.split(block.plain(), limit);
				for (int i = 0; i < parts.size(); i++) {
					pieces.add(Block.text(parts.get(i)).after(i == 0 ? block.separator() : ""));
				}
			}
		}
		List<Outgoing> messages = new ArrayList<>();
		StringBuilder html = new StringBuilder();
		StringBuilder plain = new StringBuilder();
		for (Block piece : pieces) {
			if (html.length() > 0 && html.length() + piece.separator().length() + piece.html().length() > limit) {
				messages.add(new Outgoing(html.toString(), plain.toString(), null));
				html.setLength(0);
				plain.setLength(0);
			}
			if (html.length() > 0) {
				html.append(piece.separator());
				plain.append(piece.separator());
			}
			html.append(piece.html());
			plain.append(piece.plain());
		}
		if (html.toString().isBlank()) {
			// Telegram refuses empty messages; an empty answer is a knowledge bug, not a
			// reason to stay silent
			html.setLength(0);
			html.append("…");
			plain.setLength(0);
			plain.append("…");
		}
		messages.add(new Outgoing(html.toString(), plain.toString(),
				rows.isEmpty() ? null : new InlineKeyboardMarkup(rows)));
		return messages;
	}

	private List<InlineKeyboardRow> choiceRows(List<Choice> choices, int perRow) {
		List<InlineKeyboardRow> rows = new ArrayList<>();
		InlineKeyboardRow row = new InlineKeyboardRow();
		for (Choice choice : choices) {
			Optional<String> data = CallbackData.encode(new CallbackData.Choose(choice.intent()));
			if (data.isEmpty()) {
				log.warn("No button for intent '{}': its id is too long for Telegram's 64-byte button data;"
						+ " shorten the id to at most 62 characters", choice.intent());
				continue;
			}
			row.add(button(choice.title(), data.get()));
			if (row.size() == perRow) {
				rows.add(row);
				row = new InlineKeyboardRow();
			}
		}
		if (!row.isEmpty()) {
			rows.add(row);
		}
		return rows;
	}

	private Optional<InlineKeyboardRow> feedbackRow(String replyId) {
		Optional<String> helpful = CallbackData.encode(new CallbackData.Feedback(replyId, true));
		Optional<String> notHelpful = CallbackData.encode(new CallbackData.Feedback(replyId, false));
		if (helpful.isEmpty() || notHelpful.isEmpty() || CallbackData.decode(helpful.get()).isEmpty()) {
			log.warn("No feedback buttons: reply id '{}' does not fit in Telegram's button data", replyId);
			return Optional.empty();
		}
		return Optional
			.of(new InlineKeyboardRow(button(messages.getMessage("telegram.feedback.helpful"), helpful.get()),
					button(messages.getMessage("telegram.feedback.notHelpful"), notHelpful.get())));
	}

	private static InlineKeyboardButton button(String text, String data) {
		return InlineKeyboardButton.builder().text(text).callbackData(data).build();
	}

	/**
	 * A piece of a message: its HTML, its plain twin, and what separates it from the
	 * piece before.
	 */
	private record Block(String html, String plain, String separator) {

		static Block text(String plain) {
			return new Block(TelegramText.escape(plain), plain, "");
		}

		Block after(String separator) {
			return new Block(html, plain, separator);
		}

	}

}
