package org.qualitymonth.assistant.operations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.NluSettings;
import org.qualitymonth.assistant.nlu.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation metrics fed by the real chat service on the shipped intent files. */
class ConversationMetricsTest {

	private static KnowledgeBase kb;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ChatService chat = chatService(new ConversationMetrics(registry));

	@BeforeAll
	static void load() throws Exception {
		kb = StandaloneAssistant.load(Path.of("intents"), Path.of("seeds/000_6176395c013b77c3.txt"), 10);
	}

	@Test
	void countsRepliesByChannelAndOutcomeAndByIntent() {
		chat.ask(new Question("质量月的主题是什么", "a", "web"));
		chat.ask(new Question("活动的主题是什么", "b", "web"));
		chat.ask(new Question("明天北京会下雨吗", "c", "api"));
		chat.choose("time", "d", "telegram");

		assertThat(count("web", "answered")).isEqualTo(2);
		assertThat(count("api", "declined")).isEqualTo(1);
		assertThat(count("telegram", "answered")).isEqualTo(1);
		assertThat(registry.get("assistant.intent.answers").tag("intent", "theme").counter().count()).isEqualTo(2);
		assertThat(registry.get("assistant.intent.answers").tag("intent", "time").counter().count()).isEqualTo(1);
		assertThat(registry.find("assistant.intent.answers").counters()).as("declined replies have no intent")
			.hasSize(2);
	}

	@Test
	void timesEveryReplyFromTheChatServiceInAPrometheusHistogram() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		ChatService timed = chatService(new ConversationMetrics(prometheus));
		timed.ask(new Question("质量月的主题是什么", "a", "api"));
		timed.ask(new Question("投诉电话是多少", "a", "api"));

		Timer latency = prometheus.get("assistant.answer.latency").tag("channel", "api").timer();
		assertThat(latency.count()).isEqualTo(2);
		assertThat(latency.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		String scrape = prometheus.scrape();
		assertThat(scrape).contains("assistant_answer_latency_seconds_count{channel=\"api\"} 2");
		assertThat(scrape.lines().filter(l -> l.startsWith("assistant_answer_latency_seconds_bucket{channel=\"api\"")))
			.as("histogram buckets from 1 ms to 10 s")
			.hasSizeGreaterThan(10)
			.contains("assistant_answer_latency_seconds_bucket{channel=\"api\",le=\"+Inf\"} 2");
	}

	@Test
	void keepsLabelValuesToAFixedSetAndCountsRatingsAndUntimedReplies() {
		ConversationMetrics metrics = new ConversationMetrics(registry);
		Reply declined = new Reply("r1", Outcome.DECLINED, null, 0.1, "", null, List.of(), List.of(), List.of(), "x",
				"v");
		metrics.onReply(new Question("x", "s", "<script>"), declined);
		metrics.onReply(new Question("x", "s", "web"), declined, Duration.ofMillis(3));
		metrics.onFeedback("r1", true);
		metrics.onFeedback("r1", false);
		metrics.onFeedback("r2", false);

		assertThat(count("other", "declined")).isEqualTo(1);
		assertThat(registry.find("assistant.answer.latency").tag("channel", "other").timer()).as("untimed").isNull();
		assertThat(registry.get("assistant.answer.latency").tag("channel", "web").timer().count()).isEqualTo(1);
		assertThat(registry.get("assistant.feedback").tag("helpful", "true").counter().count()).isEqualTo(1);
		assertThat(registry.get("assistant.feedback").tag("helpful", "false").counter().count()).isEqualTo(2);
	}

	private double count(String channel, String outcome) {
		return registry.get("assistant.questions").tag("channel", channel).tag("outcome", outcome).counter().count();
	}

	private static ChatService chatService(ConversationMetrics metrics) {
		return StandaloneAssistant.chatService(kb, NluSettings.defaults(), List.of(metrics));
	}

}
