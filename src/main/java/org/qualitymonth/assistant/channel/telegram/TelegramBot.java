package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.UnknownIntentException;
import org.qualitymonth.assistant.system.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.EntityType;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The Telegram adapter proper: one {@link Update} in, the same {@link ChatService} as every other
 * channel, Telegram messages out through the {@link Outbox}. It works the same for long polling
 * and webhooks; {@link #handle} completes when the update's replies are out (or given up).
 */
final class TelegramBot {

	static final String CHANNEL = "telegram";

	private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private final ChatService chat;

	private final ReplyRenderer renderer;

	private final Outbox outbox;

	private final FloodGuard flood;

	private final UpdateLedger ledger;

	private final Privacy privacy;

	private final int maxQuestionLength;

	/** Who rated which reply already, so a double tap on 👍 counts once. */
	private final Cache<String, Boolean> rated = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofDays(2))
		.build();

	private volatile User me;

	TelegramBot(ChatService chat, ReplyRenderer renderer, Outbox outbox, FloodGuard flood, UpdateLedger ledger,
			Privacy privacy, int maxQuestionLength) {
		this.chat = chat;
		this.renderer = renderer;
		this.outbox = outbox;
		this.flood = flood;
		this.ledger = ledger;
		this.privacy = privacy;
		this.maxQuestionLength = maxQuestionLength;
	}

	/** The bot's own account (from getMe), needed to see mentions and replies in groups. */
	void identify(User me) {
		this.me = me;
	}

	Optional<User> identity() {
		return Optional.ofNullable(me);
	}

	/** False while shutting down: an update taken now could not be answered. */
	boolean accepting() {
		return !outbox.closed();
	}

	/**
	 * Handles an update once, however often it is delivered. The future completes when its replies
	 * were sent or given up (a failure is logged where it happens), never exceptionally.
	 */
	CompletableFuture<Void> handle(Update update) {
		Integer id = update.getUpdateId();
		if (id == null) {
			return DONE;
		}
		UpdateLedger.Claim claim = ledger.claim(id);
		if (!claim.fresh()) {
			log.debug("Telegram update {} delivered again; already handled or in hand", id);
			return claim.handled();
		}
		CompletableFuture<Void> work;
		try {
			work = dispatch(update);
		}
		catch (RuntimeException ex) {
			log.error("Telegram update {} could not be handled: {}", id, privacy.describe(ex), ex);
			work = DONE;
		}
		work.whenComplete((ignored, failure) -> ledger.finish(id));
		return claim.handled();
	}

	private CompletableFuture<Void> dispatch(Update update) {
		if (update.hasCallbackQuery()) {
			return onButton(update.getCallbackQuery());
		}
		if (update.hasMessage()) {
			return onMessage(update.getMessage());
		}
		// only message and callback_query are subscribed to; anything else needs no answer
		return DONE;
	}

	private CompletableFuture<Void> onMessage(Message message) {
		User from = message.getFrom();
		Chat where = message.getChat();
		if (from == null || Boolean.TRUE.equals(from.getIsBot()) || where == null) {
			return DONE;
		}
		boolean group = isGroup(where);
		if (!group && !Boolean.TRUE.equals(where.isUserChat())) {
			return DONE;
		}
		Command command = Command.of(message);
		if (command != null && !command.isFor(me)) {
			return DONE;
		}
		if (group && command == null && !mentionsMe(message) && !repliesToMe(message)) {
			return DONE;
		}
		if (group && command != null && !command.known() && command.target() == null) {
			// an unknown command without @name in a group is most likely for another bot
			return DONE;
		}
		long chatId = where.getId();
		Integer replyTo = group ? message.getMessageId() : null;
		FloodGuard.Verdict verdict = flood.check(from.getId());
		if (verdict == FloodGuard.Verdict.WARN) {
			log.info("Telegram: user {} in chat {} is sending too fast; further messages are ignored for a while",
					privacy.pseudonym(from.getId()), privacy.pseudonym(chatId));
			return send(chatId, group, replyTo, renderer.notice(Messages.get("telegram.flood")));
		}
		if (verdict == FloodGuard.Verdict.DROP) {
			return DONE;
		}
		if (command != null) {
			return switch (command.name()) {
				case "start", "help" -> send(chatId, group, replyTo, renderer.welcome(chat.menu()));
				case "menu" -> send(chatId, group, replyTo, renderer.menu(chat.menu()));
				default -> send(chatId, group, replyTo, renderer.notice(Messages.get("telegram.unknownCommand")));
			};
		}
		if (!message.hasText()) {
			return isContent(message) ? send(chatId, group, replyTo, renderer.notice(Messages.get("telegram.pleaseType")))
					: DONE;
		}
		String text = withoutMyMentions(message).strip();
		if (text.isEmpty()) {
			return send(chatId, group, replyTo, renderer.menu(chat.menu()));
		}
		if (text.codePointCount(0, text.length()) > maxQuestionLength) {
			return send(chatId, group, replyTo, renderer.notice(Messages.get("telegram.tooLong", maxQuestionLength)));
		}
		Reply reply;
		try {
			reply = chat.ask(new Question(text, session(chatId, from.getId()), CHANNEL));
		}
		catch (RuntimeException ex) {
			log.error("Telegram: the chat service failed on a question from chat {}: {}", privacy.pseudonym(chatId),
					privacy.describe(ex), ex);
			return send(chatId, group, replyTo, renderer.notice(Messages.get("telegram.error")));
		}
		log.debug("Telegram: chat {} asked, {} {}", privacy.pseudonym(chatId), reply.outcome(), reply.intent());
		return send(chatId, group, replyTo, renderer.reply(reply));
	}

	private CompletableFuture<Void> onButton(CallbackQuery query) {
		User from = query.getFrom();
		if (from == null) {
			return outbox.answerCallback(query.getId(), null);
		}
		FloodGuard.Verdict verdict = flood.check(from.getId());
		if (verdict != FloodGuard.Verdict.ALLOW) {
			return outbox.answerCallback(query.getId(),
					verdict == FloodGuard.Verdict.WARN ? Messages.get("telegram.flood") : null);
		}
		MaybeInaccessibleMessage message = query.getMessage();
		Optional<CallbackData> data = CallbackData.decode(query.getData());
		if (message == null || message.getChat() == null || data.isEmpty()) {
			return outbox.answerCallback(query.getId(), Messages.get("telegram.staleButton"));
		}
		long chatId = message.getChat().getId();
		boolean group = isGroup(message.getChat());
		String session = session(chatId, from.getId());
		CallbackData pressed = data.get();
		if (pressed instanceof CallbackData.Feedback feedback) {
			if (rated.asMap().putIfAbsent(feedback.replyId() + "/" + from.getId(), Boolean.TRUE) == null) {
				chat.feedback(feedback.replyId(), feedback.helpful());
			}
			return outbox.answerCallback(query.getId(), Messages.get("telegram.feedback.thanks"));
		}
		if (pressed instanceof CallbackData.Choose choose) {
			try {
				Reply reply = chat.choose(choose.intent(), session, CHANNEL);
				return both(outbox.answerCallback(query.getId(), null), send(chatId, group, null, renderer.reply(reply)));
			}
			catch (UnknownIntentException ex) {
				// a button from before a knowledge reload that removed its intent
				return both(outbox.answerCallback(query.getId(), Messages.get("telegram.staleButton")),
						send(chatId, group, null, renderer.menu(chat.menu())));
			}
		}
		return both(outbox.answerCallback(query.getId(), null), send(chatId, group, null, renderer.menu(chat.menu())));
	}

	private CompletableFuture<Void> send(long chatId, boolean group, Integer replyTo, List<Outgoing> messages) {
		return outbox.send(chatId, group, replyTo, messages);
	}

	private static CompletableFuture<Void> both(CompletableFuture<Void> a, CompletableFuture<Void> b) {
		return CompletableFuture.allOf(a, b);
	}

	/** Follow-up questions are read in the context of the same citizen in the same chat. */
	static String session(long chatId, long userId) {
		return CHANNEL + ":" + chatId + ":" + userId;
	}

	private static boolean isGroup(Chat chat) {
		return Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat());
	}

	/** Stickers, photos, voice, files and the like: things a citizen sent on purpose, but not text. */
	private static boolean isContent(Message m) {
		return m.hasSticker() || m.hasPhoto() || m.hasVoice() || m.hasAudio() || m.hasVideo() || m.hasVideoNote()
				|| m.hasDocument() || m.hasAnimation() || m.hasLocation() || m.hasContact() || m.hasPoll()
				|| m.hasDice() || m.hasStory() || m.hasPaidMedia() || m.getVenue() != null;
	}

	private boolean mentionsMe(Message message) {
		return !myMentions(message.getEntities()).isEmpty() || !myMentions(message.getCaptionEntities()).isEmpty();
	}

	private boolean repliesToMe(Message message) {
		User bot = me;
		Message replied = message.getReplyToMessage();
		return bot != null && replied != null && replied.getFrom() != null && bot.getId().equals(replied.getFrom().getId());
	}

	private List<MessageEntity> myMentions(List<MessageEntity> entities) {
		User bot = me;
		List<MessageEntity> mine = new ArrayList<>();
		if (entities == null || bot == null) {
			return mine;
		}
		for (MessageEntity entity : entities) {
			boolean byName = EntityType.MENTION.equals(entity.getType()) && bot.getUserName() != null
					&& ("@" + bot.getUserName()).equalsIgnoreCase(entity.getText());
			boolean byLink = EntityType.TEXTMENTION.equals(entity.getType()) && entity.getUser() != null
					&& bot.getId().equals(entity.getUser().getId());
			if (byName || byLink) {
				mine.add(entity);
			}
		}
		return mine;
	}

	/** The text without "@thisbot", so the classifier sees only the question. */
	private String withoutMyMentions(Message message) {
		String text = message.getText();
		List<MessageEntity> mine = myMentions(message.getEntities());
		if (mine.isEmpty()) {
			return text;
		}
		StringBuilder out = new StringBuilder(text);
		mine.stream().sorted(Comparator.comparing(MessageEntity::getOffset).reversed()).forEach(entity -> {
			int start = Math.max(0, Math.min(entity.getOffset(), out.length()));
			int end = Math.max(start, Math.min(entity.getOffset() + entity.getLength(), out.length()));
			out.replace(start, end, " ");
		});
		return out.toString();
	}

	/** A bot command at the start of a message: {@code /name} or {@code /name@target}. */
	record Command(String name, String target) {

		static Command of(Message message) {
			if (!message.hasText() || message.getEntities() == null) {
				return null;
			}
			for (MessageEntity entity : message.getEntities()) {
				if (EntityType.BOTCOMMAND.equals(entity.getType()) && Integer.valueOf(0).equals(entity.getOffset())) {
					String text = entity.getText();
					if (text == null || text.length() < 2) {
						return null;
					}
					int at = text.indexOf('@');
					String name = (at < 0 ? text.substring(1) : text.substring(1, at)).toLowerCase(Locale.ROOT);
					return new Command(name, at < 0 ? null : text.substring(at + 1));
				}
			}
			return null;
		}

		boolean isFor(User me) {
			return target == null || (me != null && target.equalsIgnoreCase(me.getUserName()));
		}

		boolean known() {
			return name.equals("start") || name.equals("help") || name.equals("menu");
		}

	}

}
