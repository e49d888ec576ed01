package org.qualitymonth.assistant.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.ProblemTexts;
import org.qualitymonth.assistant.nlu.Decision;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.IntentClassifier;
import org.qualitymonth.assistant.nlu.NluSettings;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.MessageSource;

/**
 * The core without Spring: for the staff command-line tools, the evaluation and tests.
 */
public final class StandaloneAssistant {

	/**
	 * The bundle knowledge reads its validation texts from: one builder, the same texts.
	 */
	private static final MessageSource MESSAGES = ProblemTexts.messages();

	private StandaloneAssistant() {
	}

	public static KnowledgeBase load(Path intentsDir, Path noticeFile, int minExamples)
			throws IOException, InvalidKnowledgeException {
		return KnowledgeLoader.forNotice(noticeFile, minExamples, Clock.systemUTC()).load(intentsDir);
	}

	public static ChatService chatService(KnowledgeBase kb, NluSettings nlu) {
		return chatService(kb, nlu, List.of());
	}

	/** A chat service that tells {@code listeners} of every reply and feedback. */
	public static ChatService chatService(KnowledgeBase kb, NluSettings nlu, List<ConversationListener> listeners) {
		return chatService(kb, IntentClassifier.train(kb, nlu), nlu, ReadingFeatures.ALL, listeners);
	}

	/**
	 * Chat services over one knowledge base, each with the parts of question reading that
	 * it is given: the classifier is trained once, for all of them (the evaluation's
	 * ablation).
	 */
	public static Function<ReadingFeatures, ChatService> variants(KnowledgeBase kb, NluSettings nlu) {
		IntentClassifier classifier = IntentClassifier.train(kb, nlu);
		return features -> chatService(kb, classifier, nlu, features, List.of());
	}

	/**
	 * The decision alone (classifier, similarity and thresholds; no question reading)
	 * trained on {@code examples} (intent id and example text): for a text, the intent it
	 * answers or suggests, or {@link Intent#OUT_OF_SCOPE} when it declines. For
	 * cross-validation, which trains on part of the examples and tests on the rest.
	 */
	public static Function<String, String> decision(List<Map.Entry<String, String>> examples, NluSettings nlu) {
		IntentClassifier classifier = IntentClassifier.train(examples, nlu);
		DecisionPolicy policy = new DecisionPolicy(nlu);
		return text -> {
			Decision decision = policy.decide(classifier.classify(text));
			return decision.outcome() == Outcome.DECLINED ? Intent.OUT_OF_SCOPE : decision.intent();
		};
	}

	private static ChatService chatService(KnowledgeBase kb, IntentClassifier classifier, NluSettings nlu,
			ReadingFeatures features, List<ConversationListener> listeners) {
		AnswerCache cache = new AnswerCache(10_000);
		AssistantState state = new AssistantState(cache);
		state.install(new Snapshot(kb, classifier));
		return new ChatService(state, cache, new DecisionPolicy(nlu), ChatService.defaultSettings(), listeners,
				MESSAGES, features);
	}

	/**
	 * The texts of messages.properties, read as Spring Boot reads them for the
	 * application (basename {@code messages}, UTF-8), for code that runs without Spring:
	 * the staff command line, the evaluation, tests.
	 */
	public static MessageSource messages() {
		return MESSAGES;
	}

}
