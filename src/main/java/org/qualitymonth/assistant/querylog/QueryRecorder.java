package org.qualitymonth.assistant.querylog;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every reply and rating and appends it, redacted and pseudonymous, to the spool.
 * That append is all that happens on the answering thread (no database, no fsync;
 * {@link QueryLogWriter} does the rest in the background), and nothing here ever throws
 * at the caller.
 */
final class QueryRecorder implements ConversationListener {

	private static final Logger log = LoggerFactory.getLogger(QueryRecorder.class);

	/** Longest question stored, in UTF-16 units (the column holds 500 characters). */
	static final int MAX_TEXT = 500;

	private static final int TOP_CANDIDATES = 5;

	private final Spool spool;

	private final Redactor redactor;

	private final Pseudonyms pseudonyms;

	private final Clock clock;

	private final AtomicLong recorded = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	QueryRecorder(Spool spool, Redactor redactor, Pseudonyms pseudonyms, Clock clock) {
		this.spool = spool;
		this.redactor = redactor;
		this.pseudonyms = pseudonyms;
		this.clock = clock;
	}

	@Override
	public void onReply(Question question, Reply reply) {
		try {
			Map<String, Double> candidates = new LinkedHashMap<>();
			reply.candidates()
				.stream()
				.limit(TOP_CANDIDATES)
				.forEach(c -> candidates.putIfAbsent(c.intent(), c.probability()));
			String text = redactor.redact(reply.normalizedText() == null ? "" : reply.normalizedText());
			record(new SpoolEntry(SpoolEntry.Kind.QUESTION, reply.id(), clock.instant(),
					truncate(question.channel().toLowerCase(Locale.ROOT), 32), pseudonyms.of(question.sessionId()),
					truncate(text, MAX_TEXT), reply.outcome().name().toLowerCase(Locale.ROOT),
					truncate(reply.intent(), 100), reply.confidence(), QueryLogRepository.formatCandidates(candidates),
					truncate(reply.knowledgeVersion(), 64), null));
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	@Override
	public void onFeedback(String replyId, boolean helpful) {
		try {
			if (replyId != null && !replyId.isBlank() && replyId.length() <= 64) {
				record(SpoolEntry.feedback(replyId, helpful, clock.instant()));
			}
		}
		catch (RuntimeException ex) {
			fail(ex);
		}
	}

	long recorded() {
		return recorded.get();
	}

	long dropped() {
		return dropped.get();
	}

	private void record(SpoolEntry entry) {
		if (spool.append(entry)) {
			recorded.incrementAndGet();
		}
		else if (dropped.incrementAndGet() % 1000 == 1) {
			log.warn(
					"Query log spool {} is full or not writable: {} record(s) dropped so far (bot.query-log.spool-limit)",
					spool.directory(), dropped.get());
		}
	}

	private void fail(RuntimeException ex) {
		dropped.incrementAndGet();
		// the exception may quote the question; its type and origin are enough to find
		// the bug
		StackTraceElement at = ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : null;
		log.warn("Could not record a query: {} at {}", ex.getClass().getName(), at);
	}

	private static String truncate(String s, int max) {
		if (s == null || s.length() <= max) {
			return s;
		}
		int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
		return s.substring(0, end);
	}

}
