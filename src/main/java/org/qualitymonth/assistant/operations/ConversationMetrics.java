package org.qualitymonth.assistant.operations;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.nlu.Outcome;
import org.qualitymonth.assistant.chat.Reply;

/**
 * Counts every reply by channel and outcome and by intent, times it, and counts the
 * ratings: the numbers behind {@code assistant_questions_total},
 * {@code assistant_intent_answers_total}, {@code assistant_answer_latency_seconds} and
 * {@code assistant_feedback_total}. The latency is what
 * {@link org.qualitymonth.assistant.chat.ChatService} took (normalising, classifying,
 * choosing the reply), measured there with the plain clock and handed over with the
 * reply, so the chat service knows nothing of Micrometer; the HTTP side of a request is
 * in {@code http_server_requests}.
 */
final class ConversationMetrics implements ConversationListener {

	/**
	 * Channels are a fixed set; anything else is counted as "other" so that no client can
	 * invent label values.
	 */
	private static final Set<String> CHANNELS = Set.of("web", "api", "telegram", "cli");

	private static final Outcome[] OUTCOMES = Outcome.values();

	private final MeterRegistry registry;

	/**
	 * The meters, made once per label set: a builder and a registry look-up per reply
	 * cost more than the answer itself on a cache hit (docs/performance.md). Keys are the
	 * fixed channels and the staff's intent ids.
	 */
	private final Map<String, Counter[]> questions = new ConcurrentHashMap<>();

	private final Map<String, Counter> intentAnswers = new ConcurrentHashMap<>();

	private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

	private final Counter helpful;

	private final Counter unhelpful;

	ConversationMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.helpful = feedbackCounter(true);
		this.unhelpful = feedbackCounter(false);
	}

	/** A reply reported without its time (a test, a replay): counted, not timed. */
	@Override
	public void onReply(Question question, Reply reply) {
		count(question, reply);
	}

	@Override
	public void onReply(Question question, Reply reply, Duration took) {
		count(question, reply);
		latencies
			.computeIfAbsent(channel(question),
					channel -> Timer.builder("assistant.answer.latency")
						.description("Time the chat service took to produce a reply")
						.tag("channel", channel)
						.publishPercentileHistogram()
						.minimumExpectedValue(Duration.ofMillis(1))
						.maximumExpectedValue(Duration.ofSeconds(10))
						.register(registry))
			.record(took);
	}

	@Override
	public void onFeedback(String replyId, boolean isHelpful) {
		(isHelpful ? helpful : unhelpful).increment();
	}

	private Counter feedbackCounter(boolean isHelpful) {
		return Counter.builder("assistant.feedback")
			.description("Ratings of replies by citizens")
			.tag("helpful", Boolean.toString(isHelpful))
			.register(registry);
	}

	private void count(Question question, Reply reply) {
		Counter[] byOutcome = questions.computeIfAbsent(channel(question), channel -> new Counter[OUTCOMES.length]);
		int slot = reply.outcome().ordinal();
		Counter counter = byOutcome[slot];
		if (counter == null) {
			// two threads may both build it; the registry hands both the same counter
			counter = Counter.builder("assistant.questions")
				.description("Questions and button presses answered, by channel and outcome")
				.tag("channel", channel(question))
				.tag("outcome", OUTCOMES[slot].name().toLowerCase(Locale.ROOT))
				.register(registry);
			byOutcome[slot] = counter;
		}
		counter.increment();
		if (reply.intent() != null) {
			// intent ids come from the intent files, a set staff control, not from
			// citizens
			intentAnswers
				.computeIfAbsent(reply.intent(),
						intent -> Counter.builder("assistant.intent.answers")
							.description("Replies by the intent answered with (answered or suggested)")
							.tag("intent", intent)
							.register(registry))
				.increment();
		}
	}

	private static String channel(Question question) {
		return CHANNELS.contains(question.channel()) ? question.channel() : "other";
	}

}
