package org.qualitymonth.assistant.chat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.qualitymonth.assistant.knowledge.Department;
import org.qualitymonth.assistant.knowledge.Departments;
import org.qualitymonth.assistant.knowledge.Fact;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.SpecificAsk;
import org.qualitymonth.assistant.nlu.AskerScript;
import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.Language;
import org.qualitymonth.assistant.nlu.Outcome;
import org.qualitymonth.assistant.nlu.Script;
import org.springframework.context.MessageSource;

/**
 * Writes a {@link Reading} as the reply a citizen reads: in English when asked in English
 * (the text staff wrote in English, or the Chinese with a note where there is none),
 * otherwise in Chinese in the asker's script; one part with its source, or several parts
 * each followed by its own.
 */
final class ReplyComposer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String menuIntent;

	private final MessageSource messages;

	ReplyComposer(String menuIntent, MessageSource messages) {
		this.menuIntent = menuIntent;
		this.messages = messages;
	}

	Reply compose(KnowledgeBase kb, Reading reading, String normalized, AskerScript asker) {
		boolean english = asker.language() != Language.ZH;
		Script script = english ? Script.SIMPLIFIED : asker.script();
		String language = english ? "en" : "zh";
		String scriptName = script.name().toLowerCase(Locale.ROOT);
		String version = kb.version();
		if (!reading.answered() || asker.language() == Language.OTHER) {
			SpecificAsk why = asker.language() == Language.OTHER ? null : reading.unanswerable();
			String answer;
			List<Choice> suggestions;
			if (why != null) {
				answer = english ? orChinese(why.replyEn(), why.reply()) : why.reply();
				suggestions = choices(kb, why.suggest(), english);
			}
			else {
				answer = english ? text("reply.en.declined") : kb.outOfScope().answer();
				suggestions = menu(kb, english);
			}
			return new Reply(newId(), Outcome.DECLINED, null, reading.confidence(), script.convert(answer), null,
					convert(suggestions, script), List.of(), reading.candidates(), normalized, version, null, language,
					scriptName);
		}
		List<Part> parts = reading.parts();
		Part first = parts.get(0);
		String answer;
		String source;
		String details = null;
		if (parts.size() == 1) {
			answer = text(kb, first, english);
			source = source(kb, first);
			if (first.isShort()) {
				details = english && first.intent().english() != null ? first.intent().english().answer()
						: first.intent().answer();
			}
		}
		else {
			List<String> texts = new ArrayList<>();
			List<String> sources = new ArrayList<>();
			for (Part part : parts) {
				String partSource = source(kb, part);
				texts.add(partSource == null ? text(kb, part, english)
						: text(kb, part, english) + text("reply.partSource", partSource));
				if (partSource != null && !sources.contains(partSource)) {
					sources.add(partSource);
				}
			}
			answer = String.join("\n", texts);
			source = sources.isEmpty() ? null : String.join(text("reply.sourceSeparator"), sources);
		}
		List<Choice> suggestions = List.of();
		if (reading.outcome() == Outcome.SUGGESTED) {
			suggestions = choices(kb,
					reading.candidates().stream().map(Candidate::intent).filter(id -> !reading.isAbout(id)).toList(),
					english);
			if (suggestions.isEmpty()) {
				suggestions = choices(kb, first.intent().related(), english);
			}
		}
		List<Choice> related = reading.outcome() == Outcome.SUGGESTED ? List.of()
				: choices(kb, first.intent().related(), english);
		return new Reply(newId(), reading.outcome(), first.intent().id(), reading.confidence(), script.convert(answer),
				script.convert(source), convert(suggestions, script), convert(related, script), reading.candidates(),
				normalized, version, script.convert(details), language, scriptName);
	}

	/**
	 * The main topics, as offered on the welcome screen and after a declined question.
	 */
	List<Choice> menu(KnowledgeBase kb, boolean english) {
		List<String> ids = kb.find(menuIntent)
			.map(Intent::related)
			.filter(r -> !r.isEmpty())
			.orElseGet(() -> kb.answerable().stream().limit(6).map(Intent::id).toList());
		if (english) {
			// the English menu lists the topics staff wrote English answers for
			List<String> withEnglish = kb.answerable()
				.stream()
				.filter(i -> i.english() != null)
				.map(Intent::id)
				.toList();
			ids = withEnglish.isEmpty() ? ids : withEnglish;
		}
		return choices(kb, ids, english);
	}

	static List<Choice> choices(KnowledgeBase kb, List<String> ids, boolean english) {
		return ids.stream()
			.map(kb::find)
			.flatMap(Optional::stream)
			.filter(i -> !i.isOutOfScope())
			.map(i -> new Choice(i.id(),
					english && i.english() != null && i.english().title() != null ? i.english().title() : i.title()))
			.distinct()
			.toList();
	}

	private String text(KnowledgeBase kb, Part part, boolean english) {
		if (part.department() != null) {
			return departmentText(kb.departments(), part.department(), english);
		}
		if (!part.facts().isEmpty()) {
			List<String> zh = part.facts().stream().map(Fact::answer).toList();
			if (english && part.facts().stream().allMatch(f -> f.answerEn() != null)) {
				return String.join(" ", part.facts().stream().map(Fact::answerEn).toList());
			}
			return english ? orChinese(null, String.join("", zh)) : String.join("", zh);
		}
		Intent intent = part.intent();
		if (english) {
			return orChinese(intent.english() != null ? intent.english().answer() : null, intent.answer());
		}
		return intent.answer();
	}

	private static String departmentText(Departments departments, Department department, boolean english) {
		String template = department.organizer() ? departments.yes() : departments.no();
		if (english) {
			String en = department.organizer() ? departments.yesEn() : departments.noEn();
			if (en != null) {
				template = en;
			}
		}
		String nameEn = department.nameEn() == null ? department.name() : department.nameEn();
		return template.replace("{name_en}", nameEn).replace("{name}", department.name());
	}

	private static String source(KnowledgeBase kb, Part part) {
		if (part.department() != null && kb.departments().source() != null) {
			return kb.departments().source();
		}
		return part.intent().source();
	}

	/**
	 * The English text, or the Chinese one with a note saying the notice only exists in
	 * Chinese.
	 */
	private String orChinese(String english, String chinese) {
		return english != null ? english : text("reply.en.chineseOnly", chinese);
	}

	private static List<Choice> convert(List<Choice> choices, Script script) {
		return script == Script.SIMPLIFIED ? choices
				: choices.stream().map(c -> new Choice(c.intent(), script.convert(c.title()))).toList();
	}

	/**
	 * A UUID in the layout of RFC 9562's version 7: the time in milliseconds first, then
	 * 74 random bits. The query log's primary key then takes new rows at its end instead
	 * of at random places, which rewrote most of that index on every batch
	 * (docs/performance.md, "Query log"); the random part keeps ids unguessable for
	 * feedback.
	 */
	static String newId() {
		long high = System.currentTimeMillis() << 16 | 0x7000 | (RANDOM.nextInt() & 0x0FFF);
		long low = RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

}
