package org.qualitymonth.assistant.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qualitymonth.assistant.knowledge.Department;
import org.qualitymonth.assistant.knowledge.Fact;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.SpecificAsk;
import org.qualitymonth.assistant.nlu.AskerScript;
import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.Classification;
import org.qualitymonth.assistant.nlu.Decision;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.Language;
import org.qualitymonth.assistant.nlu.Lexicon;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.MessageSource;

/**
 * Reads one normalised question against a snapshot: first what it specifically asks
 * (something the notice does not say, a department, a single fact), then its topic (the
 * classifier). A long message is read clause by clause, so the question inside a story is
 * found and two questions get two answers. The words it reads by (courtesy, question
 * words...) are in {@link ReadingWords}.
 */
final class QuestionReader {

	/** Characters from which a message with several clauses is read clause by clause. */
	private static final int LONG_MESSAGE = 28;

	/** The most parts one reply combines; further ones are offered as buttons. */
	private static final int MAX_PARTS = 3;

	/**
	 * A fact matched exactly in the question is strong evidence: at least this confident.
	 */
	static final double ALIAS_CONFIDENCE = 0.8;

	private final DecisionPolicy policy;

	/**
	 * How sure the intent model must be of a question about the notice that the scope
	 * model would decline.
	 */
	private static final double RESCUE_CONFIDENCE = 0.4;

	/** A date in an answer: a year, a month or a day written in digits. */
	private static final Pattern DATE = Pattern.compile("\\d{4}年|\\d{1,2}月|\\d{1,2}日");

	private final ReadingWords words;

	private final MessageSource messages;

	private final ReadingFeatures features;

	QuestionReader(DecisionPolicy policy, ReadingFeatures features, MessageSource messages) {
		this.words = new ReadingWords(messages);
		this.messages = messages;
		this.policy = policy;
		this.features = features;
	}

	Reading read(Snapshot snapshot, String normalized) {
		if (!features.clauses()) {
			return readShort(snapshot, normalized);
		}
		String text = words.withoutCourtesy(normalized);
		if (text.isEmpty()) {
			// "谢谢" on its own is small talk, answered as such
			text = normalized;
		}
		List<String> clauses = words.clauses(text);
		if (clauses.size() > 1 && text.replace(" ", "").length() >= LONG_MESSAGE) {
			return readLong(snapshot, text, clauses);
		}
		return readShort(snapshot, text);
	}

	/** One question: what it specifically asks first, then its topic. */
	Reading readShort(Snapshot snapshot, String text) {
		KnowledgeBase kb = snapshot.knowledge();
		Lexicon lexicon = snapshot.lexicon();
		// the model reads the citizen's words; rules, names and facts read them in
		// standard forms ("咋报名")
		String plain = words.standardForms(text);
		if (features.entities() && AskerScript.of(text).language() != Language.ZH && !words.namesEnglishTopic(text)
				&& !lexicon.namesSubject(text)) {
			// the model has few English examples: an English question must name something
			// of the notice
			// ("campaign", "12315", "fax") to be taken as about it; "Which month is
			// National Day" is not
			return Reading.declined(0, List.of(), null);
		}
		Classification c = snapshot.classifier().classifyNormalized(text);
		if (features.entities()) {
			c = lexicon.emphasise(c, plain);
		}
		List<Candidate> top = c.ranked().stream().limit(3).toList();
		// "卫健委在主办单位名单里吗" asks about the list of organisers, not about a list of results
		Optional<SpecificAsk> unanswerable = features.answerability() ? lexicon.unanswerable(plain) : Optional.empty();
		List<Department> departments = features.entities() ? lexicon.departments(plain) : List.of();
		if (!departments.isEmpty() && kb.departments().intent() != null) {
			String rest = lexicon.withoutDepartments(plain);
			if (lexicon.asksParticipation(plain) || words.isBare(rest)
					|| unanswerable.isEmpty() && words.isShortYesNo(rest)) {
				return aboutDepartments(kb, departments, top);
			}
		}
		if (departments.isEmpty() && features.entities() && kb.departments().intent() != null
				&& lexicon.asksParticipation(plain)) {
			// a department the list does not know ("国家标准委算主办单位吗") is not one of the 16
			// either
			Optional<Department> unknown = lexicon.unknownDepartment(plain);
			if (unknown.isPresent()) {
				return aboutDepartments(kb, List.of(unknown.get()), top);
			}
		}
		if (unanswerable.isPresent()) {
			return Reading.declined(c.top().probability(), top, unanswerable.get());
		}
		Decision decision = policy.decide(c);
		if (decision.outcome() == Outcome.DECLINED) {
			return rescued(kb, lexicon, plain, decision)
				.orElseGet(() -> Reading.declined(decision.confidence(), decision.choices(), null));
		}
		Optional<SpecificAsk> noDate = features.answerability() ? undatedTopic(kb.intent(decision.intent()), plain)
				: Optional.empty();
		if (noDate.isPresent()) {
			return Reading.declined(decision.confidence(), decision.choices(), noDate.get());
		}
		List<Part> parts = features.entities() ? factParts(kb, asked(lexicon.facts(plain), plain.replace(" ", "")), top,
				decision.intent(), !policy.isConfident(decision)) : List.of();
		if (parts.isEmpty()) {
			Intent intent = kb.intent(decision.intent());
			Part whole = features.entities() && intent.facts().size() == 1 ? new Part(intent, intent.facts(), null)
					: Part.whole(intent);
			return new Reading(decision.outcome(), List.of(whole), decision.confidence(), decision.choices(), null);
		}
		boolean named = parts.get(0).intent().id().equals(decision.intent());
		double confidence = named ? Math.max(decision.confidence(), ALIAS_CONFIDENCE) : decision.confidence();
		Outcome outcome = policy.isConfident(confidence) ? Outcome.ANSWERED : decision.outcome();
		return new Reading(outcome, parts, confidence, decision.choices(), null);
	}

	/**
	 * Whether each department is one of the organisers, from the closed list (the list's
	 * intent holds it whole).
	 */
	private static Reading aboutDepartments(KnowledgeBase kb, List<Department> departments, List<Candidate> top) {
		Intent list = kb.intent(kb.departments().intent());
		return new Reading(Outcome.ANSWERED, departments.stream().map(d -> new Part(list, List.of(), d)).toList(), 1.0,
				top, null);
	}

	/**
	 * The facts a question names that belong to one of its likely intents, grouped by
	 * intent, the best intent first ("成文日期和发布日期" is two facts of one intent; "电话和邮箱" one
	 * fact each of two).
	 */
	private static List<Part> factParts(KnowledgeBase kb, List<Lexicon.FactAsk> asks, List<Candidate> likely,
			String best, boolean unsure) {
		Map<String, List<Fact>> byIntent = new LinkedHashMap<>();
		for (Lexicon.FactAsk ask : asks) {
			String id = ask.intent().id();
			boolean plausible = id.equals(best) || ask.exact() && (unsure && ask.length() >= 3
					|| likely.stream().anyMatch(c -> c.intent().equals(id) && c.probability() >= 0.05));
			if (plausible && !byIntent.computeIfAbsent(id, k -> new ArrayList<>()).contains(ask.fact())) {
				byIntent.get(id).add(ask.fact());
			}
		}
		// a fact of another intent joins only a question that asks for facts of its best
		// intent too ("电话和邮箱");
		// "投诉电话" is about 12315, not the organiser's phone. Only when the model is unsure
		// of its best intent does
		// a fact named outright take over ("文件的主题分类" is not the theme)
		if (!byIntent.containsKey(best)) {
			if (!unsure || byIntent.isEmpty()) {
				return List.of();
			}
			best = byIntent.keySet().iterator().next();
		}
		List<Part> parts = new ArrayList<>();
		parts.add(new Part(kb.intent(best), byIntent.remove(best), null));
		byIntent.forEach((id, facts) -> parts.add(new Part(kb.intent(id), facts, null)));
		return parts;
	}

	/**
	 * A question that asks for a day ("电梯安全宣传周是几号") about a topic whose answer names
	 * none: the notice does not say, and the reply says so with what the notice does say
	 * about the topic.
	 */
	private Optional<SpecificAsk> undatedTopic(Intent intent, String text) {
		String compact = text.replace(" ", "");
		// topics made of single facts (phone, e-mail...) answer "电话几号" with their fact,
		// not a date
		if (intent.source() == null || !intent.facts().isEmpty() || !words.asksForADay(compact)
				|| DATE.matcher(intent.answer()).find()) {
			return Optional.empty();
		}
		String reply = messages.getMessage("reading.noDate", new Object[] { intent.title(), intent.answer() },
				Locale.SIMPLIFIED_CHINESE);
		return Optional.of(new SpecificAsk("no_date", List.of(), List.of(), reply, null, intent.publicInfo(),
				List.of(intent.id()), intent.origin()));
	}

	/**
	 * A question the model would decline that names one of the notice's facts outright
	 * and says it is about the notice ("请问2020年的质量月具体安排在什么时候") is offered that fact, as a
	 * suggestion only: the model was not sure.
	 */
	private Optional<Reading> rescued(KnowledgeBase kb, Lexicon lexicon, String text, Decision decision) {
		if (!features.entities() || !words.namesTheNotice(text)) {
			return Optional.empty();
		}
		List<Lexicon.FactAsk> facts = asked(lexicon.facts(text), text.replace(" ", "")).stream()
			.filter(Lexicon.FactAsk::exact)
			.toList();
		if (facts.isEmpty()) {
			if (decision.confidence() >= RESCUE_CONFIDENCE && !decision.choices().isEmpty()) {
				Intent likely = kb.intent(decision.choices().get(0).intent());
				return Optional.of(new Reading(Outcome.SUGGESTED, List.of(Part.whole(likely)), decision.confidence(),
						decision.choices(), null));
			}
			return Optional.empty();
		}
		Intent intent = facts.get(0).intent();
		List<Fact> asked = facts.stream()
			.filter(f -> f.intent() == intent)
			.map(Lexicon.FactAsk::fact)
			.distinct()
			.toList();
		return Optional.of(new Reading(Outcome.SUGGESTED, List.of(new Part(intent, asked, null)), decision.confidence(),
				decision.choices(), null));
	}

	/**
	 * The facts asked together: the first named, the other facts of its topic, and facts
	 * of other topics joined to it by "和", "、" and the like ("电话和邮箱"); a fact word
	 * elsewhere in the question is context.
	 */
	private List<Lexicon.FactAsk> asked(List<Lexicon.FactAsk> facts, String compact) {
		List<Lexicon.FactAsk> together = new ArrayList<>();
		for (Lexicon.FactAsk fact : facts) {
			if (together.isEmpty()) {
				together.add(fact);
				continue;
			}
			Lexicon.FactAsk last = together.get(together.size() - 1);
			if (fact.intent() == together.get(0).intent() && fact.exact()) {
				// two facts of one topic named in one question are both asked
				// ("一个是成文日期，一个是索引号")
				together.add(fact);
				continue;
			}
			String between = compact.substring(Math.min(compact.length(), last.position() + last.length()),
					Math.max(last.position() + last.length(), Math.min(compact.length(), fact.position())));
			if (words.joins(between)) {
				together.add(fact);
			}
			else if (!last.exact() && fact.exact()) {
				together.set(together.size() - 1, fact);
			}
		}
		return together;
	}

	/**
	 * A story with a question (or two) inside: each clause that asks something is read on
	 * its own, and with the clause before it when alone it means nothing ("能帮我查一下吗").
	 * Courtesy never decides.
	 */
	private Reading readLong(Snapshot snapshot, String text, List<String> clauses) {
		List<Part> parts = new ArrayList<>();
		List<Candidate> candidates = new ArrayList<>();
		double confidence = 0;
		boolean confident = false;
		SpecificAsk unanswerable = null;
		List<Integer> asking = new ArrayList<>();
		for (int i = 0; i < clauses.size(); i++) {
			if (words.asks(clauses.get(i))) {
				asking.add(i);
			}
		}
		if (asking.isEmpty()) {
			// no question word anywhere ("……通知里到底允不允许这样收钱啊"): the question is usually at
			// the end
			asking.add(clauses.size() - 1);
		}
		for (int i : asking) {
			String clause = clauses.get(i);
			Reading reading = readShort(snapshot, clause);
			if (reading.unanswerable() == null && i > 0 && features.answerability()
					&& reading.outcome() != Outcome.ANSWERED && !snapshot.lexicon().namesSubject(clause)) {
				// "请问具体要准备哪些材料" after "听说要先办食品经营许可证": the ask spans two clauses
				Optional<SpecificAsk> spanning = snapshot.lexicon().unanswerable(clauses.get(i - 1) + " " + clause);
				if (spanning.isPresent()) {
					reading = Reading.declined(0, List.of(), spanning.get());
				}
			}
			if (reading.unanswerable() == null && i > 0
					&& (!usable(reading) || !snapshot.lexicon().namesSubject(clause))) {
				// "具体有哪些活动" after "听说有网上的活动" asks about the online ones: a clause that
				// names no subject of
				// its own is read with the clause before it, when that reads better
				Reading withContext = readShort(snapshot, clauses.get(i - 1) + " " + clause);
				if (!usable(reading) || usable(withContext) && withContext.confidence() > reading.confidence()) {
					reading = withContext;
				}
			}
			if (reading.unanswerable() != null) {
				unanswerable = unanswerable == null ? reading.unanswerable() : unanswerable;
				continue;
			}
			if (!usable(reading)) {
				continue;
			}
			if (parts.isEmpty()) {
				confidence = reading.confidence();
				candidates.addAll(reading.candidates());
			}
			confident |= reading.outcome() == Outcome.ANSWERED;
			for (Part part : reading.parts()) {
				if (!part.isSmallTalk() && parts.stream().noneMatch(p -> same(p, part)) && parts.size() < MAX_PARTS) {
					parts.add(part);
				}
			}
		}
		if (unanswerable != null) {
			// a story that asks something the notice does not say is about that ask; what
			// else it asks is often
			// elliptical ("电话多少" after "区局的地址在哪") and is offered as a choice instead
			List<Candidate> offered = parts.stream().map(p -> new Candidate(p.intent().id(), 0, 0)).toList();
			return Reading.declined(0, offered, unanswerable);
		}
		if (!parts.isEmpty()) {
			return new Reading(confident ? Outcome.ANSWERED : Outcome.SUGGESTED, parts, confidence, candidates, null);
		}
		return readShort(snapshot, text);
	}

	private static boolean usable(Reading reading) {
		return reading.answered() && reading.parts().stream().anyMatch(p -> !p.isSmallTalk());
	}

	private static boolean same(Part a, Part b) {
		return a.intent().id().equals(b.intent().id()) && a.department() == b.department()
				&& (a.facts().isEmpty() || b.facts().isEmpty() || a.facts().equals(b.facts()));
	}

}
