package org.qualitymonth.assistant.channel.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.qualitymonth.assistant.channel.delivery.DeliveryLedger;
import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.qualitymonth.assistant.chat.ConversationKey;
import org.qualitymonth.assistant.chat.Conversations;
import org.qualitymonth.assistant.chat.Inbound;
import org.qualitymonth.assistant.chat.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.MessageSourceAccessor;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.EntityType;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The Telegram translator proper: one {@link Update} in, an {@link Inbound} to the
 * {@link Conversations} every channel shares (rate, length and rating policy live there),
 * the outcome rendered as Telegram HTML and sent through the {@link Outbox}. It works the
 * same for long polling and webhooks; {@link #handle} completes when the update's replies
 * are out (or given up).
 */
final class TelegramBot {

	static final String CHANNEL = "telegram";

	private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private final Conversations conversations;

	private final ReplyRenderer renderer;

	private final Outbox outbox;

	private final DeliveryLedger ledger;

	private final Privacy privacy;

	private final MessageSourceAccessor messages;

	private volatile User me;

	TelegramBot(Conversations conversations, ReplyRenderer renderer, Outbox outbox, DeliveryLedger ledger,
			Privacy privacy, MessageSourceAccessor messages) {
		this.messages = messages;
		this.conversations = conversations;
		this.renderer = renderer;
		this.outbox = outbox;
		this.ledger = ledger;
		this.privacy = privacy;
	}

	/**
	 * The bot's own account (from getMe), needed to see mentions and replies in groups.
	 */
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
	 * Handles an update once, however often it is delivered. The future completes when
	 * its replies were sent or given up (a failure is logged where it happens), never
	 * exceptionally.
	 */
	CompletableFuture<Void> handle(Update update) {
		Integer id = update.getUpdateId();
		if (id == null) {
			return DONE;
		}
		DeliveryLedger.Claim claim = ledger.claim(id);
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
		// only message and callback_query are subscribed to; anything else needs no
		// answer
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
		if (command == null && !message.hasText() && !isContent(message)) {
			// a service message (pinned, joined, ...): nobody asked anything
			return DONE;
		}
		Target to = new Target(where.getId(), group, group ? message.getMessageId() : null);
		ConversationKey key = key(where.getId(), from.getId());
		if (command != null) {
			Inbound inbound = command.known() ? new Inbound.Menu(key) : new Inbound.Unreadable(key);
			String topicsHeading = command.name().equals("menu") ? "menu" : "welcome";
			return render(to, key, conversations.handle(inbound), topicsHeading, "telegram.unknownCommand");
		}
		if (!message.hasText()) {
			return render(to, key, conversations.handle(new Inbound.Unreadable(key)), "menu", "telegram.pleaseType");
		}
		Outbound outbound;
		try {
			outbound = conversations.handle(new Inbound.Text(key, withoutMyMentions(message)));
		}
		catch (RuntimeException ex) {
			log.error("Telegram: the chat service failed on a question from chat {}: {}",
					privacy.pseudonym(to.chatId()), privacy.describe(ex), ex);
			return send(to, renderer.notice(messages.getMessage("telegram.error")));
		}
		if (outbound instanceof Outbound.Answer answer) {
			log.debug("Telegram: chat {} asked, {} {}", privacy.pseudonym(to.chatId()), answer.reply().outcome(),
					answer.reply().intent());
		}
		return render(to, key, outbound, "menu", "telegram.pleaseType");
	}

	/** Renders what the conversation decided about a message, as chat messages. */
	private CompletableFuture<Void> render(Target to, ConversationKey key, Outbound outbound, String topicsHeading,
			String unreadableNotice) {
		if (outbound instanceof Outbound.Throttled throttled) {
			if (!throttled.firstNotice()) {
				return DONE;
			}
			log.info("Telegram: user {} in chat {} is sending too fast; further messages are ignored for a while",
					privacy.pseudonym(Long.parseLong(key.user())), privacy.pseudonym(to.chatId()));
			return send(to, renderer.notice(messages.getMessage("telegram.flood")));
		}
		if (outbound instanceof Outbound.Answer answer) {
			return send(to, renderer.reply(answer.reply()));
		}
		if (outbound instanceof Outbound.Topics topics) {
			return send(to,
					topicsHeading.equals("welcome") ? renderer.welcome(topics.menu()) : renderer.menu(topics.menu()));
		}
		if (outbound instanceof Outbound.UnknownTopic stale) {
			return send(to, renderer.menu(stale.menu()));
		}
		if (outbound instanceof Outbound.TooLong tooLong) {
			return send(to,
					renderer.notice(messages.getMessage("telegram.tooLong", new Object[] { tooLong.maxLength() })));
		}
		if (outbound instanceof Outbound.Rated) {
			return send(to, renderer.notice(messages.getMessage("telegram.feedback.thanks")));
		}
		return send(to, renderer.notice(messages.getMessage(unreadableNotice)));
	}

	private CompletableFuture<Void> onButton(CallbackQuery query) {
		User from = query.getFrom();
		if (from == null) {
			return outbox.answerCallback(query.getId(), null);
		}
		MaybeInaccessibleMessage message = query.getMessage();
		Optional<CallbackData> data = CallbackData.decode(query.getData());
		boolean known = message != null && message.getChat() != null && data.isPresent();
		// a button Telegram cannot place or we never made still costs the presser's
		// allowance
		ConversationKey key = key(known ? message.getChat().getId() : from.getId(), from.getId());
		Outbound outbound = conversations.handle(known ? inbound(key, data.get()) : new Inbound.Unreadable(key));
		if (outbound instanceof Outbound.Throttled throttled) {
			return outbox.answerCallback(query.getId(),
					throttled.firstNotice() ? messages.getMessage("telegram.flood") : null);
		}
		if (outbound instanceof Outbound.Unreadable) {
			return outbox.answerCallback(query.getId(), messages.getMessage("telegram.staleButton"));
		}
		if (outbound instanceof Outbound.Rated) {
			return outbox.answerCallback(query.getId(), messages.getMessage("telegram.feedback.thanks"));
		}
		Target to = new Target(message.getChat().getId(), isGroup(message.getChat()), null);
		if (outbound instanceof Outbound.UnknownTopic stale) {
			// a button from before a knowledge reload that removed its intent
			return both(outbox.answerCallback(query.getId(), messages.getMessage("telegram.staleButton")),
					send(to, renderer.menu(stale.menu())));
		}
		return both(outbox.answerCallback(query.getId(), null),
				render(to, key, outbound, "menu", "telegram.staleButton"));
	}

	private static Inbound inbound(ConversationKey key, CallbackData pressed) {
		if (pressed instanceof CallbackData.Feedback feedback) {
			return new Inbound.Rate(key, feedback.replyId(), feedback.helpful());
		}
		if (pressed instanceof CallbackData.Choose choose) {
			return new Inbound.Choose(key, choose.intent());
		}
		return new Inbound.Menu(key);
	}

	private CompletableFuture<Void> send(Target to, List<Outgoing> messages) {
		return outbox.send(to.chatId(), to.group(), to.replyTo(), messages);
	}

	private static CompletableFuture<Void> both(CompletableFuture<Void> a, CompletableFuture<Void> b) {
		return CompletableFuture.allOf(a, b);
	}

	/**
	 * Follow-up questions are read in the context of the same citizen in the same chat
	 * ({@code telegram:<chat>:<user>}); the rate budget and ratings are the citizen's,
	 * whatever the chat.
	 */
	static ConversationKey key(long chatId, long userId) {
		return new ConversationKey(CHANNEL, chatId + ":" + userId, String.valueOf(userId));
	}

	/**
	 * Where replies go: the chat, whether it is a group, and the message the first part
	 * replies to.
	 */
	private record Target(long chatId, boolean group, Integer replyTo) {
	}

	private static boolean isGroup(Chat chat) {
		return Boolean.TRUE.equals(chat.isGroupChat()) || Boolean.TRUE.equals(chat.isSuperGroupChat());
	}

	/**
	 * Stickers, photos, voice, files and the like: things a citizen sent on purpose, but
	 * not text.
	 */
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
		return bot != null && replied != null && replied.getFrom() != null
				&& bot.getId().equals(replied.getFrom().getId());
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
