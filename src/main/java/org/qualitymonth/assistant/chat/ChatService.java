package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.AskerScript;
import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.Lexicon;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.MessageSource;

/**
 * One question in, one {@link Reply} out. Every channel (HTTP, Telegram, web page,
 * terminal) goes through here, so they all answer alike.
 */
public class ChatService {

	/**
	 * Characters of conversation kept for reading follow-ups; a chain of them must not
	 * grow without bound.
	 */
	private static final int MAX_CONTEXT = 60;

	private final AssistantState state;

	private final AnswerCache cache;

	private final DecisionPolicy policy;

	private final PreparedTexts texts;

	private final ContextStore memory;

	private final FollowUpDetector followUps;

	private final QuestionReader reader;

	private final ReplyComposer composer;

	private final List<ConversationListener> listeners;

	private final ReadingFeatures features;

	ChatService(AssistantState state, AnswerCache cache, DecisionPolicy policy, ChatSettings settings,
			List<ConversationListener> listeners, MessageSource messages) {
		this(state, cache, policy, settings, listeners, messages, ReadingFeatures.ALL);
	}

	/**
	 * As above, with some parts of question reading off (for the evaluation's ablation).
	 */
	ChatService(AssistantState state, AnswerCache cache, DecisionPolicy policy, ChatSettings settings,
			List<ConversationListener> listeners, MessageSource messages, ReadingFeatures features) {
		this(state, cache, policy, settings, listeners, messages, features,
				new ConversationMemory(settings.sessionIdle(), settings.maxSessions()));
	}

	/**
	 * As above, with the previous turns kept in {@code memory} (shared by the replicas in
	 * replicated mode).
	 */
	ChatService(AssistantState state, AnswerCache cache, DecisionPolicy policy, ChatSettings settings,
			List<ConversationListener> listeners, MessageSource messages, ReadingFeatures features,
			ContextStore memory) {
		this.features = features;
		this.listeners = List.copyOf(listeners);
		this.state = state;
		this.cache = cache;
		this.policy = policy;
		this.memory = memory;
		this.followUps = new FollowUpDetector(settings.followUpMaxLength(), messages);
		this.reader = new QuestionReader(policy, features, messages);
		this.composer = new ReplyComposer(settings.menuIntent(), messages);
		this.texts = new PreparedTexts(settings.cacheSize());
	}

	public Reply ask(Question question) {
		long started = System.nanoTime();
		Snapshot snapshot = state.require();
		PreparedTexts.Prepared text = texts.of(question.text());
		AskerScript asker = text.asker();
		String normalized = text.normalized();
		Reading reading = read(snapshot, normalized);
		ConversationMemory.Turn previous = memory.previous(question.sessionId());
		String context = normalized;
		if (previous != null && followUps.isFollowUp(normalized)) {
			reading = resolveFollowUp(snapshot, normalized, previous, reading);
			// "那时间呢" means nothing on its own: the next follow-up needs what it continued
			context = previous.normalizedText() + " " + normalized;
			context = context.substring(Math.max(0, context.length() - MAX_CONTEXT));
		}
		Reply reply = composer.compose(snapshot.knowledge(), reading, normalized, asker);
		if (reply.answered()) {
			memory.remember(question.sessionId(), new ConversationMemory.Turn(reply.intent(), context));
		}
		notify(question, reply, started);
		return reply;
	}

	/**
	 * The reply for a button press: the chosen intent's answer, no classification
	 * involved. It is reported to the listeners like a question whose text is the
	 * button's title.
	 */
	public Reply choose(String intentId, String sessionId, String channel) {
		long started = System.nanoTime();
		Snapshot snapshot = state.require();
		Intent intent = snapshot.knowledge()
			.find(intentId)
			.filter(i -> !i.isOutOfScope())
			.orElseThrow(() -> new UnknownIntentException(intentId));
		String title = texts.of(intent.title()).normalized();
		memory.remember(sessionId, new ConversationMemory.Turn(intent.id(), title));
		Reading reading = new Reading(Outcome.ANSWERED, List.of(Part.whole(intent)), 1.0, List.of(), null);
		Reply reply = composer.compose(snapshot.knowledge(), reading, title, AskerScript.SIMPLIFIED_CHINESE);
		notify(new Question(intent.title(), sessionId, channel), reply, started);
		return reply;
	}

	/** Records a citizen's 👍 or 👎 on a reply. */
	public void feedback(String replyId, boolean helpful) {
		for (ConversationListener listener : listeners) {
			listener.onFeedback(replyId, helpful);
		}
	}

	/**
	 * The main topics, as offered on the welcome screen and after a declined question.
	 */
	public List<Choice> menu() {
		return composer.menu(state.require().knowledge(), false);
	}

	private Reading read(Snapshot snapshot, String normalized) {
		return cache.get(snapshot.knowledge().version(), normalized, text -> reader.read(snapshot, text));
	}

	/**
	 * A short follow-up ("那邮箱呢", "传真呢", "那教育部呢", "价格方面呢") is read in the light of the
	 * previous topic. What it names itself wins: something the notice does not say, a
	 * department, a single fact, a confidently recognised new topic. Otherwise it is read
	 * within the previous topic's neighbourhood (the topic and its related intents), and
	 * failing that together with the previous question. An off-topic follow-up stays
	 * declined.
	 */
	private Reading resolveFollowUp(Snapshot snapshot, String normalized, ConversationMemory.Turn previous,
			Reading alone) {
		if (alone.unanswerable() != null || alone.parts().stream().anyMatch(p -> p.department() != null)) {
			return alone;
		}
		KnowledgeBase kb = snapshot.knowledge();
		List<Lexicon.FactAsk> facts = features.entities() ? snapshot.lexicon().facts(normalized) : List.of();
		if (!facts.isEmpty()) {
			Lexicon.FactAsk named = facts.get(facts.size() - 1);
			List<Part> parts = List.of(new Part(named.intent(), List.of(named.fact()), null));
			return new Reading(Outcome.ANSWERED, parts, Math.max(alone.confidence(), QuestionReader.ALIAS_CONFIDENCE),
					alone.candidates(), null);
		}
		if (alone.outcome() == Outcome.ANSWERED && policy.isConfident(alone.confidence()) || alone.answered()
				&& features.entities() && snapshot.lexicon().namesKeywordOf(alone.intent(), normalized)) {
			// a confidently recognised new topic, or one named by its subject ("那口罩呢"),
			// switches
			return alone;
		}
		Set<String> neighbourhood = Stream
			.concat(Stream.of(previous.intent()),
					kb.find(previous.intent()).map(Intent::related).orElse(List.of()).stream())
			.collect(Collectors.toSet());
		if (alone.answered() && neighbourhood.contains(alone.intent())) {
			return alone;
		}
		// the first of the neighbourhood in the whole ranking; when it is below the
		// shortlist, it cannot support a follow-up either
		Candidate near = cache
			.followUpShortlist(kb.version(), normalized,
					text -> policy.followUpShortlist(snapshot.classifier().classifyNormalized(text)))
			.stream()
			.filter(c -> neighbourhood.contains(c.intent()))
			.findFirst()
			.filter(policy::supportsFollowUp)
			.orElse(null);
		if (near != null && alone.answered()) {
			return new Reading(Outcome.ANSWERED, List.of(Part.whole(kb.intent(near.intent()))), near.probability(),
					alone.candidates(), null);
		}
		Reading together = read(snapshot, previous.normalizedText() + " " + normalized);
		if (together.answered() && together.outcome() == Outcome.ANSWERED
				&& neighbourhood.contains(together.intent())) {
			return together;
		}
		if (!alone.answered() && alone.unanswerable() == null && features.entities()) {
			// "那线上可以搞吗", "个体户也算吗": too short for the model, but the conversation says it
			// is about the notice and
			// the follow-up names a subject of it
			List<String> named = snapshot.lexicon().intentsNamed(normalized);
			String topic = named.stream()
				.filter(neighbourhood::contains)
				.findFirst()
				.orElse(named.isEmpty() ? null : named.get(0));
			if (topic != null) {
				return new Reading(Outcome.SUGGESTED, List.of(Part.whole(kb.intent(topic))), alone.confidence(),
						alone.candidates(), null);
			}
		}
		return alone;
	}

	private void notify(Question question, Reply reply, long startedNanos) {
		Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
		for (ConversationListener listener : listeners) {
			listener.onReply(question, reply, took);
		}
	}

	/** The default settings, for use without Spring (tools, tests). */
	public static ChatSettings defaultSettings() {
		return new org.springframework.boot.context.properties.bind.Binder(List.of()).bindOrCreate("bot.chat",
				ChatSettings.class);
	}

}
