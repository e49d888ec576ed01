package org.qualitymonth.assistant.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The words question reading goes by, from messages.properties (Chinese text stays out of
 * the code): courtesy that never decides a topic, words that mark a clause as asking,
 * particles around a department's name, words that join two facts or start a second
 * question, everyday forms of question words, words that name the notice.
 */
final class ReadingWords {

	private final List<String> courtesy;

	private final List<String> questionWords;

	private final List<String> particles;

	private final List<String> connectives;

	private final List<String> conjunctions;

	private final List<String> dateAsks;

	private final List<String> yesNoEndings;

	private final List<String> openQuestionWords;

	private final List<String> anchors;

	private final List<String> englishTopicWords;

	/** Everyday form to standard form, in the order written: "咋整" before "咋". */
	private final Map<String, String> colloquial;

	ReadingWords(MessageSource messages) {
		this.courtesy = words(messages, "reading.courtesy");
		this.questionWords = words(messages, "reading.questionWords");
		this.particles = words(messages, "reading.particles");
		this.connectives = words(messages, "reading.connectives");
		this.conjunctions = words(messages, "reading.conjunctions");
		this.dateAsks = words(messages, "reading.dateAsks");
		this.yesNoEndings = words(messages, "reading.yesNoEndings");
		this.openQuestionWords = words(messages, "reading.openQuestionWords");
		this.anchors = words(messages, "reading.noticeAnchors").stream().map(w -> w.replace(" ", "")).toList();
		this.englishTopicWords = words(messages, "reading.englishTopicWords");
		this.colloquial = pairs(messages, "reading.colloquial");
	}

	/** Whether a clause asks something (a question word, "请问", "想知道"...). */
	boolean asks(String clause) {
		String compact = clause.replace(" ", "");
		return questionWords.stream().anyMatch(compact::contains);
	}

	/** Nothing but particles left once the department is taken out: "那教育部呢", "工信部呢". */
	boolean isBare(String rest) {
		String left = rest;
		for (String particle : particles) {
			left = left.replace(particle, "");
		}
		return left.length() <= 1;
	}

	/**
	 * A short yes-no question once the department is taken out ("掺和这事儿了吗", "也签了字"): about
	 * whether it is one of the organisers, the only thing the notice says of a
	 * department.
	 */
	boolean isShortYesNo(String rest) {
		String trimmed = rest.strip();
		return trimmed.length() <= 10 && yesNoEndings.stream().anyMatch(trimmed::endsWith)
				&& openQuestionWords.stream().noneMatch(trimmed::contains);
	}

	/**
	 * Whether the text between two facts joins them ("和", "、" left as nothing, "以及"...).
	 */
	boolean joins(String between) {
		return between.isEmpty() || conjunctions.stream().anyMatch(c -> between.equals(c) || between.endsWith(c));
	}

	/** Whether a question asks for a day ("哪天", "几号", "截止日期"). */
	boolean asksForADay(String compact) {
		return dateAsks.stream().anyMatch(compact::contains);
	}

	/** Whether a question says it is about the notice ("质量月", "通知", "这次活动"). */
	boolean namesTheNotice(String text) {
		String compact = text.replace(" ", "");
		return anchors.stream().anyMatch(compact::contains);
	}

	/**
	 * Whether an English question names something of the notice ("campaign", "12315",
	 * "fax").
	 */
	boolean namesEnglishTopic(String text) {
		return Arrays.stream(text.split(" ")).anyMatch(w -> englishTopicWords.stream().anyMatch(w::startsWith));
	}

	/** The text with everyday question words in their standard form ("咋报名" → "怎么报名"). */
	String standardForms(String text) {
		String plain = text;
		for (Map.Entry<String, String> word : colloquial.entrySet()) {
			plain = plain.replace(word.getKey(), word.getValue());
		}
		return plain;
	}

	/**
	 * Clauses split at punctuation (spaces after normalisation) and at words such as
	 * "另外"; scraps join the next.
	 */
	List<String> clauses(String text) {
		String marked = text;
		for (String connective : connectives) {
			marked = marked.replace(connective, " " + connective);
		}
		List<String> clauses = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String piece : marked.strip().split(" +")) {
			String clause = withoutCourtesy(piece);
			if (clause.isEmpty()) {
				continue;
			}
			pending.append(pending.isEmpty() ? "" : " ").append(clause);
			// latin words are separated by spaces too: only Chinese pieces of some length
			// stand alone
			if (pending.length() >= 4 && !clause.chars().allMatch(ch -> ch < 128)) {
				clauses.add(pending.toString());
				pending.setLength(0);
			}
		}
		if (!pending.isEmpty()) {
			if (clauses.isEmpty()) {
				clauses.add(pending.toString());
			}
			else {
				clauses.set(clauses.size() - 1, clauses.get(clauses.size() - 1) + " " + pending);
			}
		}
		return clauses;
	}

	/** Courtesy at either end of the text taken off ("你好，……谢谢"), repeatedly. */
	String withoutCourtesy(String text) {
		String s = text.strip();
		boolean changed = true;
		while (changed && !s.isEmpty()) {
			changed = false;
			for (String word : courtesy) {
				boolean latin = word.chars().allMatch(ch -> ch < 128);
				if (s.startsWith(word) && (!latin || s.length() == word.length() || s.charAt(word.length()) == ' ')) {
					s = s.substring(word.length()).strip();
					changed = true;
				}
				if (s.endsWith(word)
						&& (!latin || s.length() == word.length() || s.charAt(s.length() - word.length() - 1) == ' ')) {
					s = s.substring(0, s.length() - word.length()).strip();
					changed = true;
				}
			}
		}
		return s;
	}

	private static List<String> words(MessageSource messages, String key) {
		return Arrays.stream(messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE).split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	private static Map<String, String> pairs(MessageSource messages, String key) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (String pair : words(messages, key)) {
			String[] parts = pair.split("=", 2);
			if (parts.length == 2) {
				pairs.put(parts[0].strip(), parts[1].strip());
			}
		}
		return Collections.unmodifiableMap(pairs);
	}

}
