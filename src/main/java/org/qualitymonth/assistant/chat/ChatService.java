package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.Decision;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.Outcome;
import org.qualitymonth.assistant.nlu.TextNormalizer;

/**
 * One question in, one {@link Reply} out. Every channel (HTTP, Telegram, web page, terminal)
 * goes through here, so they all answer alike.
 */
public class ChatService {

	/** Characters of conversation kept for reading follow-ups; a chain of them must not grow without bound. */
	private static final int MAX_CONTEXT = 60;

	private final AssistantState state;

	private final AnswerCache cache;

	private final DecisionPolicy policy;

	private final TextNormalizer normalizer = new TextNormalizer();

	private final ConversationMemory memory;

	private final FollowUpDetector followUps;

	private final String menuIntent;

	private final List<ConversationListener> listeners;

	public ChatService(AssistantState state, AnswerCache cache, DecisionPolicy policy, ChatSettings settings,
			List<ConversationListener> listeners) {
		this.listeners = List.copyOf(listeners);
		this.state = state;
		this.cache = cache;
		this.policy = policy;
		this.memory = new ConversationMemory(settings.sessionIdle(), settings.maxSessions());
		this.followUps = new FollowUpDetector(settings.followUpMaxLength());
		this.menuIntent = settings.menuIntent();
	}

	public Reply ask(Question question) {
		long started = System.nanoTime();
		Snapshot snapshot = state.require();
		String normalized = normalizer.normalize(question.text());
		Decision decision = decide(snapshot, normalized);
		ConversationMemory.Turn previous = memory.previous(question.sessionId());
		String context = normalized;
		if (previous != null && followUps.isFollowUp(normalized)) {
			decision = resolveFollowUp(snapshot, normalized, previous, decision);
			// "那时间呢" means nothing on its own: the next follow-up needs what it continued
			context = previous.normalizedText() + " " + normalized;
			context = context.substring(Math.max(0, context.length() - MAX_CONTEXT));
		}
		Reply reply = render(snapshot.knowledge(), decision, normalized);
		if (reply.answered()) {
			memory.remember(question.sessionId(), new ConversationMemory.Turn(reply.intent(), context));
		}
		notify(question, reply, started);
		return reply;
	}

	/**
	 * The reply for a button press: the chosen intent's answer, no classification involved. It is
	 * reported to the listeners like a question whose text is the button's title.
	 */
	public Reply choose(String intentId, String sessionId, String channel) {
		long started = System.nanoTime();
		Snapshot snapshot = state.require();
		Intent intent = snapshot.knowledge()
			.find(intentId)
			.filter(i -> !i.isOutOfScope())
			.orElseThrow(() -> new UnknownIntentException(intentId));
		memory.remember(sessionId, new ConversationMemory.Turn(intent.id(), normalizer.normalize(intent.title())));
		Reply reply = new Reply(newId(), Outcome.ANSWERED, intent.id(), 1.0, intent.answer(), intent.source(), List.of(),
				choices(snapshot.knowledge(), intent.related()), List.of(), normalizer.normalize(intent.title()),
				snapshot.knowledge().version());
		notify(new Question(intent.title(), sessionId, channel), reply, started);
		return reply;
	}

	/** Records a citizen's 👍 or 👎 on a reply. */
	public void feedback(String replyId, boolean helpful) {
		for (ConversationListener listener : listeners) {
			listener.onFeedback(replyId, helpful);
		}
	}

	/** The main topics, as offered on the welcome screen and after a declined question. */
	public List<Choice> menu() {
		return menu(state.require().knowledge());
	}

	private Decision decide(Snapshot snapshot, String normalized) {
		return cache.get(snapshot.knowledge().version(), normalized,
				text -> policy.decide(snapshot.classifier().classifyNormalized(text)));
	}

	/**
	 * An elliptical follow-up ("那时间呢", "传真呢") is read within the previous topic's neighbourhood
	 * (the topic and its related intents): a confident answer inside it stands; otherwise the most
	 * likely intent inside it is taken when the classifier gives it some weight; failing that, an
	 * unsure answer outside it gives way to reading the previous question and this one together.
	 */
	private Decision resolveFollowUp(Snapshot snapshot, String normalized, ConversationMemory.Turn previous,
			Decision alone) {
		Set<String> neighbourhood = Stream
			.concat(Stream.of(previous.intent()),
					snapshot.knowledge().find(previous.intent()).map(Intent::related).orElse(List.of()).stream())
			.collect(Collectors.toSet());
		if (alone.outcome() == Outcome.ANSWERED && neighbourhood.contains(alone.intent())) {
			return alone;
		}
		Optional<Candidate> near = snapshot.classifier()
			.classifyNormalized(normalized)
			.ranked()
			.stream()
			.filter(c -> neighbourhood.contains(c.intent()))
			.findFirst()
			.filter(policy::supportsFollowUp);
		if (near.isPresent()) {
			return new Decision(Outcome.ANSWERED, List.of(near.get()), near.get().probability());
		}
		if (alone.outcome() == Outcome.ANSWERED && policy.isConfident(alone)) {
			return alone;
		}
		Decision together = decide(snapshot, previous.normalizedText() + " " + normalized);
		return together.outcome() == Outcome.ANSWERED && neighbourhood.contains(together.intent()) ? together : alone;
	}

	private Reply render(KnowledgeBase kb, Decision decision, String normalized) {
		String version = kb.version();
		if (decision.outcome() == Outcome.DECLINED) {
			return new Reply(newId(), Outcome.DECLINED, null, decision.confidence(), kb.outOfScope().answer(), null, menu(kb),
					List.of(), decision.choices(), normalized, version);
		}
		Intent intent = kb.intent(decision.intent());
		List<Choice> suggestions = decision.outcome() == Outcome.SUGGESTED
				? choices(kb, decision.choices().stream().skip(1).map(c -> c.intent()).toList()) : List.of();
		return new Reply(newId(), decision.outcome(), intent.id(), decision.confidence(), intent.answer(), intent.source(),
				suggestions, choices(kb, intent.related()), decision.choices(), normalized, version);
	}

	private List<Choice> menu(KnowledgeBase kb) {
		List<String> ids = kb.find(menuIntent)
			.map(Intent::related)
			.filter(r -> !r.isEmpty())
			.orElseGet(() -> kb.answerable().stream().limit(6).map(Intent::id).toList());
		return choices(kb, ids);
	}

	private static List<Choice> choices(KnowledgeBase kb, List<String> ids) {
		return ids.stream()
			.map(kb::find)
			.flatMap(Optional::stream)
			.filter(i -> !i.isOutOfScope())
			.map(i -> new Choice(i.id(), i.title()))
			.toList();
	}

	private void notify(Question question, Reply reply, long startedNanos) {
		Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
		for (ConversationListener listener : listeners) {
			listener.onReply(question, reply, took);
		}
	}

	private static String newId() {
		return java.util.UUID.randomUUID().toString();
	}

	/** The default settings, for use without Spring (tools, tests). */
	public static ChatSettings defaultSettings() {
		return new org.springframework.boot.context.properties.bind.Binder(List.of()).bindOrCreate("bot.chat",
				ChatSettings.class);
	}

}
