package org.qualitymonth.assistant.querylog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the repository must do on every database it supports; subclasses supply H2 or
 * PostgreSQL.
 */
abstract class QueryLogRepositoryContract {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	QueryLogRepository repository;

	JdbcClient jdbc;

	abstract DataSource dataSource();

	@BeforeEach
	void emptyTables() {
		jdbc = JdbcClient.create(dataSource());
		jdbc.sql("DELETE FROM query_log").update();
		jdbc.sql("DELETE FROM query_review").update();
		repository = new QueryLogRepository(dataSource(), SHANGHAI);
	}

	static SpoolEntry question(String id, String at, String channel, String text, String outcome, String intent,
			String candidates) {
		return new SpoolEntry(SpoolEntry.Kind.QUESTION, id, Instant.parse(at), channel, "u-" + id, text, outcome,
				intent, 0.42, candidates, "v1", null);
	}

	static SpoolEntry declined(String id, String at, String channel, String text) {
		return question(id, at, channel, text, "declined", null, "theme=0.3000 time=0.1000");
	}

	long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM query_log").query(Long.class).single();
	}

	@Test
	void sizeRetentionDeletesTheOldestQuestionsUntilTheLogIsUnderTheLimit() {
		List<SpoolEntry> entries = new ArrayList<>();
		Instant first = Instant.parse("2020-09-01T00:00:00Z");
		for (int i = 0; i < 3000; i++) {
			// ids in the opposite order of time, so that "oldest" cannot be read off the
			// primary key
			entries.add(new SpoolEntry(SpoolEntry.Kind.QUESTION, "q" + (10_000 - i), first.plusSeconds(i), "web",
					"u" + i, "质量月的主题是什么第" + i + "问", "answered", "theme", 0.9, "theme=0.900 dates=0.050", "v1", null));
		}
		repository.store(entries);
		long size = repository.sizeBytes();
		assertThat(size).isPositive();
		SizeRetention retention = new SizeRetention(repository, size / 2);

		long deleted = retention.enforce();

		assertThat(deleted).isBetween(1500L, 3000L * 6 / 10);
		assertThat(retention.purged()).isEqualTo(deleted);
		assertThat(rows()).isEqualTo(3000 - deleted);
		Instant oldestLeft = jdbc.sql("SELECT MIN(asked_at) FROM query_log")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
		assertThat(oldestLeft).as("exactly the oldest went").isEqualTo(first.plusSeconds(deleted));
		assertThat(new SizeRetention(repository, Long.MAX_VALUE).enforce()).as("under the limit: nothing").isZero();
		assertThat(rows()).isEqualTo(3000 - deleted);
	}

	@Test
	void storesQuestionsOnceEvenWhenASegmentIsReplayed() {
		SpoolEntry a = declined("a", "2020-09-01T02:00:00Z", "web", "附近有什么好吃的");
		SpoolEntry b = question("b", "2020-09-01T02:01:00Z", "api", "质量月的主题是什么", "answered", "theme", "theme=0.9000");
		repository.store(List.of(a, b));
		repository.store(List.of(a, b, declined("c", "2020-09-01T02:02:00Z", "telegram", "今天天气")));
		assertThat(rows()).isEqualTo(3);
		assertThat(jdbc.sql(
				"SELECT channel, user_hash, question, outcome, intent, confidence, knowledge_version FROM query_log WHERE id = 'b'")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), String.valueOf(rs.getDouble(6)), rs.getString(7)))
			.single()).containsExactly("api", "u-b", "质量月的主题是什么", "answered", "theme", "0.42", "v1");
	}

	@Test
	void keepsTextWithMarkupQuotesAndEmojiExactly() {
		String text = "<img src=x onerror=alert(1)> 'quote' \"double\" & 😀 質量";
		repository.store(List.of(declined("x", "2020-09-01T02:00:00Z", "web", text)));
		assertThat(repository.unanswered(new UnansweredFilter(null, null, null, 10)).groups())
			.extracting(UnansweredGroup::text)
			.containsExactly(text);
	}

	@Test
	void recordsFeedbackOnTheRatedReplyAndIgnoresUnknownReplies() {
		repository.store(List.of(declined("a", "2020-09-01T02:00:00Z", "web", "问题一"),
				SpoolEntry.feedback("a", false, Instant.parse("2020-09-01T02:00:30Z")),
				SpoolEntry.feedback("never-logged", true, Instant.parse("2020-09-01T02:00:40Z"))));
		assertThat(jdbc.sql("SELECT helpful FROM query_log WHERE id = 'a'").query(Boolean.class).single()).isFalse();
		repository.store(List.of(SpoolEntry.feedback("a", true, Instant.parse("2020-09-01T02:01:00Z"))));
		assertThat(jdbc.sql("SELECT helpful FROM query_log WHERE id = 'a'").query(Boolean.class).single()).isTrue();
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void groupsUnansweredQuestionsByTextWithCountTimesChannelsAndTopIntents() {
		repository.store(List.of(
				question("a1", "2020-09-01T02:00:00Z", "web", "质量月吉祥物", "declined", null, "theme=0.4000 time=0.2000"),
				question("a2", "2020-09-03T02:00:00Z", "telegram", "质量月吉祥物", "declined", null,
						"theme=0.2000 organizers=0.5000"),
				question("a3", "2020-09-02T02:00:00Z", "web", "质量月吉祥物", "declined", null, "time=0.1000"),
				declined("b1", "2020-09-02T03:00:00Z", "api", "附近有什么好吃的"),
				question("c1", "2020-09-02T03:00:00Z", "api", "质量月的主题", "answered", "theme", "theme=0.9000"),
				question("d1", "2020-09-02T03:00:00Z", "api", "主题还是时间", "suggested", "theme",
						"theme=0.5000 time=0.4000")));
		UnansweredPage page = repository.unanswered(new UnansweredFilter(null, null, null, 10));
		assertThat(page.total()).isEqualTo(2);
		assertThat(page.groups()).extracting(UnansweredGroup::text).containsExactly("质量月吉祥物", "附近有什么好吃的");
		UnansweredGroup top = page.groups().get(0);
		assertThat(top.count()).isEqualTo(3);
		assertThat(top.firstSeen().toInstant()).isEqualTo(Instant.parse("2020-09-01T02:00:00Z"));
		assertThat(top.lastSeen().toInstant()).isEqualTo(Instant.parse("2020-09-03T02:00:00Z"));
		assertThat(top.firstSeen().getOffset()).isEqualTo(SHANGHAI.getRules().getOffset(top.firstSeen().toInstant()));
		assertThat(top.channels()).containsExactly("telegram", "web");
		// averaged over the three askings: theme (0.4+0.2)/3, organizers 0.5/3, time
		// (0.2+0.1)/3
		assertThat(top.topIntents()).containsExactly(new UnansweredGroup.IntentShare("theme", 0.2),
				new UnansweredGroup.IntentShare("organizers", 0.1667), new UnansweredGroup.IntentShare("time", 0.1));
		assertThat(top.status()).isEqualTo(ReviewStatus.NEW);
	}

	@Test
	void filtersByDaysCountedInTheLogsTimeZone() {
		// 17:00 UTC on 1 September is 01:00 on 2 September in Beijing
		repository.store(List.of(declined("late", "2020-09-01T17:00:00Z", "web", "晚上问的"),
				declined("early", "2020-09-01T03:00:00Z", "web", "白天问的")));
		LocalDate second = LocalDate.of(2020, 9, 2);
		assertThat(repository.unanswered(new UnansweredFilter(second, second, null, 10)).groups())
			.extracting(UnansweredGroup::text)
			.containsExactly("晚上问的");
		assertThat(repository.unanswered(new UnansweredFilter(null, LocalDate.of(2020, 9, 1), null, 10)).groups())
			.extracting(UnansweredGroup::text)
			.containsExactly("白天问的");
	}

	@Test
	void filtersByReviewStatusAndCanReopen() {
		repository.store(List.of(declined("a", "2020-09-01T02:00:00Z", "web", "问题甲"),
				declined("b", "2020-09-01T02:00:00Z", "web", "问题乙"),
				declined("c", "2020-09-01T02:00:00Z", "web", "问题丙")));
		Instant now = Instant.parse("2020-09-05T00:00:00Z");
		repository.review("问题甲", ReviewStatus.IGNORED, null, now);
		repository.review("问题乙", ReviewStatus.REVIEWED, null, now);
		repository.review("问题乙", ReviewStatus.ADDED, "theme", now);
		assertThat(texts(ReviewStatus.NEW)).containsExactly("问题丙");
		assertThat(texts(ReviewStatus.IGNORED)).containsExactly("问题甲");
		assertThat(texts(ReviewStatus.REVIEWED)).isEmpty();
		assertThat(repository.unanswered(new UnansweredFilter(null, null, ReviewStatus.ADDED, 10)).groups())
			.singleElement()
			.satisfies(g -> {
				assertThat(g.text()).isEqualTo("问题乙");
				assertThat(g.addedTo()).isEqualTo("theme");
			});
		repository.review("问题甲", ReviewStatus.NEW, null, now);
		assertThat(texts(ReviewStatus.NEW)).containsExactlyInAnyOrder("问题甲", "问题丙");
		assertThat(texts(null)).hasSize(3);
	}

	@Test
	void limitsTheGroupsButCountsThemAll() {
		repository.store(List.of(declined("a", "2020-09-01T02:00:00Z", "web", "甲"),
				declined("b", "2020-09-01T02:00:00Z", "web", "乙"), declined("b2", "2020-09-01T02:00:00Z", "web", "乙"),
				declined("c", "2020-09-01T02:00:00Z", "web", "丙")));
		UnansweredPage page = repository.unanswered(new UnansweredFilter(null, null, null, 1));
		assertThat(page.total()).isEqualTo(3);
		assertThat(page.groups()).extracting(UnansweredGroup::text).containsExactly("乙");
	}

	@Test
	void purgesQuestionsOlderThanTheCutoffAndDecisionsOnThem() {
		repository.store(List.of(declined("old", "2020-03-01T00:00:00Z", "web", "旧问题"),
				declined("new", "2020-09-01T00:00:00Z", "web", "新问题")));
		repository.review("旧问题", ReviewStatus.IGNORED, null, Instant.parse("2020-03-02T00:00:00Z"));
		repository.review("新问题", ReviewStatus.IGNORED, null, Instant.parse("2020-09-02T00:00:00Z"));
		assertThat(repository.purge(Instant.parse("2020-06-01T00:00:00Z"))).isEqualTo(1);
		assertThat(jdbc.sql("SELECT id FROM query_log").query(String.class).list()).containsExactly("new");
		assertThat(jdbc.sql("SELECT question FROM query_review").query(String.class).list()).containsExactly("新问题");
	}

	@Test
	void summarisesAPeriodPerDayWithRatesIntentsAndFeedback() {
		repository
			.store(List.of(question("a", "2020-09-01T02:00:00Z", "web", "主题", "answered", "theme", "theme=0.9000"),
					question("b", "2020-09-01T03:00:00Z", "web", "主题是啥", "answered", "theme", "theme=0.9000"),
					question("c", "2020-09-03T02:00:00Z", "api", "时间", "suggested", "time", "time=0.5000"),
					declined("d", "2020-09-03T04:00:00Z", "api", "吃什么"),
					declined("e", "2020-08-20T04:00:00Z", "api", "上个月的问题"),
					SpoolEntry.feedback("a", true, Instant.parse("2020-09-01T02:01:00Z")),
					SpoolEntry.feedback("c", false, Instant.parse("2020-09-03T02:01:00Z"))));
		Overview overview = repository.overview(LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 3), 10);
		assertThat(overview.total()).isEqualTo(4);
		assertThat(overview.answered()).isEqualTo(2);
		assertThat(overview.suggested()).isEqualTo(1);
		assertThat(overview.declined()).isEqualTo(1);
		assertThat(overview.answeredRate()).isEqualTo(0.75);
		assertThat(overview.declinedRate()).isEqualTo(0.25);
		assertThat(overview.helpful()).isEqualTo(1);
		assertThat(overview.unhelpful()).isEqualTo(1);
		assertThat(overview.users()).isEqualTo(4);
		assertThat(overview.days()).containsExactly(new Overview.Day(LocalDate.of(2020, 9, 1), 2, 2, 0, 0),
				new Overview.Day(LocalDate.of(2020, 9, 2), 0, 0, 0, 0),
				new Overview.Day(LocalDate.of(2020, 9, 3), 2, 0, 1, 1));
		assertThat(overview.topIntents()).containsExactly(new Overview.IntentCount("theme", 2),
				new Overview.IntentCount("time", 1));
		assertThat(overview.topUnanswered()).extracting(UnansweredGroup::text).containsExactly("吃什么");
	}

	@Test
	void answersPingOnlyWhileTheDatabaseIsUp() {
		assertThat(repository.ping()).isTrue();
	}

	private List<String> texts(ReviewStatus status) {
		return repository.unanswered(new UnansweredFilter(null, null, status, 10))
			.groups()
			.stream()
			.map(UnansweredGroup::text)
			.toList();
	}

}
