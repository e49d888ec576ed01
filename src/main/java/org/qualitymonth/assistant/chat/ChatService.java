package org.qualitymonth.assistant.chat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.Decision;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.Outcome;
import org.qualitymonth.assistant.nlu.TextNormalizer;

/**
 * One question in, one {@link Reply} out. Every channel (HTTP, Telegram, web page, terminal)
 * goes through here, so they all answer alike.
 */
public class ChatService {

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
		Snapshot snapshot = state.require();
		String normalized = normalizer.normalize(question.text());
		Decision decision = decide(snapshot, normalized);
		ConversationMemory.Turn previous = memory.previous(question.sessionId());
		if (previous != null && followUps.isFollowUp(normalized)) {
			Decision inContext = decide(snapshot, previous.normalizedText() + " " + normalized);
			if (prefersContext(snapshot.knowledge(), previous.intent(), decision, inContext)) {
				decision = inContext;
			}
		}
		Reply reply = render(snapshot.knowledge(), decision, normalized);
		if (reply.answered()) {
			memory.remember(question.sessionId(), new ConversationMemory.Turn(reply.intent(), normalized));
		}
		notify(question, reply);
		return reply;
	}

	/** The reply for a button press: the chosen intent's answer, no classification involved. */
	public Reply choose(String intentId, String sessionId) {
		Snapshot snapshot = state.require();
		Intent intent = snapshot.knowledge()
			.find(intentId)
			.filter(i -> !i.isOutOfScope())
			.orElseThrow(() -> new UnknownIntentException(intentId));
		memory.remember(sessionId, new ConversationMemory.Turn(intent.id(), intent.title()));
		return new Reply(newId(), Outcome.ANSWERED, intent.id(), 1.0, intent.answer(), intent.source(), List.of(),
				choices(snapshot.knowledge(), intent.related()), List.of(), "", snapshot.knowledge().version());
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

	/** Version of the knowledge base answering now. */
	public String knowledgeVersion() {
		return state.require().knowledge().version();
	}

	private Decision decide(Snapshot snapshot, String normalized) {
		return cache.get(snapshot.knowledge().version(), normalized,
				text -> policy.decide(snapshot.classifier().classifyNormalized(text)));
	}

	/**
	 * A follow-up read in context wins when it answers within the previous topic's neighbourhood
	 * and the question alone does not answer, or answers outside it.
	 */
	private static boolean prefersContext(KnowledgeBase kb, String previousIntent, Decision alone, Decision inContext) {
		if (inContext.outcome() != Outcome.ANSWERED) {
			return false;
		}
		Set<String> neighbourhood = Stream
			.concat(Stream.of(previousIntent), kb.find(previousIntent).map(Intent::related).orElse(List.of()).stream())
			.collect(Collectors.toSet());
		if (!neighbourhood.contains(inContext.intent())) {
			return false;
		}
		return alone.outcome() != Outcome.ANSWERED || !neighbourhood.contains(alone.intent());
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
			.flatMap(java.util.Optional::stream)
			.filter(i -> !i.isOutOfScope())
			.map(i -> new Choice(i.id(), i.title()))
			.toList();
	}

	private void notify(Question question, Reply reply) {
		for (ConversationListener listener : listeners) {
			listener.onReply(question, reply);
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
