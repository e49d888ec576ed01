package org.qualitymonth.assistant.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.seg.common.Term;

import org.qualitymonth.assistant.knowledge.Department;
import org.qualitymonth.assistant.knowledge.Fact;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.SpecificAsk;

/**
 * What the knowledge files say about words, compiled once per knowledge base: the asks
 * the notice cannot answer, the departments by every name, and the words that ask for
 * single facts. Immutable.
 */
public final class Lexicon {

	/** A fact a question asks for, found at {@code position} in the compact question. */
	public record FactAsk(Intent intent, Fact fact, int position, int length, boolean exact) {
	}

	private record Rule(SpecificAsk ask, List<Predicate<String>> groups, Predicate<String> unless) {
		boolean matches(String text) {
			return groups.stream().allMatch(g -> g.test(text)) && !unless.test(text);
		}
	}

	private record Alias<T>(String word, List<String> pinyin, T target) {
	}

	private record FactRef(Intent intent, Fact fact) {
	}

	private static final TextNormalizer NORMALIZER = new TextNormalizer();

	private final List<Rule> rules;

	private final List<Alias<Department>> departments;

	private final Predicate<String> participation;

	private final List<Alias<FactRef>> facts;

	/** Per intent, whether a question names its subject. */
	private final Map<String, Predicate<String>> keywords;

	/** How much naming an intent's subject shifts the ranking towards it. */
	private static final double KEYWORD_WEIGHT = 1.0;

	private Lexicon(List<Rule> rules, List<Alias<Department>> departments, Predicate<String> participation,
			List<Alias<FactRef>> facts, Map<String, Predicate<String>> keywords) {
		this.keywords = keywords;
		this.rules = rules;
		this.departments = departments;
		this.participation = participation;
		this.facts = facts;
	}

	public static Lexicon of(KnowledgeBase kb) {
		List<Rule> rules = new ArrayList<>();
		for (SpecificAsk ask : kb.specifics()) {
			// every group must match: the groups that need a segmentation are tried last,
			// when the others already did
			List<Predicate<String>> groups = ask.when()
				.stream()
				.sorted(java.util.Comparator.comparing(Terms::segments))
				.map(Terms::anyOf)
				.toList();
			rules.add(new Rule(ask, groups, Terms.anyOf(ask.unless())));
		}
		List<Alias<Department>> departments = new ArrayList<>();
		for (Department department : kb.departments().departments()) {
			for (String name : department.names()) {
				departments.add(alias(name, department, false));
			}
		}
		List<Alias<FactRef>> facts = new ArrayList<>();
		for (Intent intent : kb.answerable()) {
			for (Fact fact : intent.facts()) {
				for (String ask : fact.asks()) {
					facts.add(alias(ask, new FactRef(intent, fact), true));
				}
			}
		}
		Map<String, Predicate<String>> keywords = new LinkedHashMap<>();
		for (Intent intent : kb.answerable()) {
			if (!intent.keywords().isEmpty()) {
				keywords.put(intent.id(), Terms.anyOf(intent.keywords()));
			}
		}
		Comparator<Alias<?>> longestFirst = Comparator.comparingInt(a -> -a.word().length());
		departments.sort(longestFirst);
		facts.sort(longestFirst);
		return new Lexicon(List.copyOf(rules), List.copyOf(departments), Terms.anyOf(kb.departments().asks()),
				List.copyOf(facts), Map.copyOf(keywords));
	}

	/**
	 * The classification re-ranked towards the intents whose subject the question names:
	 * the model weighs every word alike, so "质量月有跟电梯有关的活动吗" leans to the activity
	 * overview through "质量月" and "活动" although it asks about the elevator week. The
	 * out-of-scope side is left as it is.
	 */
	public Classification emphasise(Classification c, String normalized) {
		if (keywords.isEmpty() || c.ranked().isEmpty()) {
			return c;
		}
		List<String> named = keywords.entrySet()
			.stream()
			.filter(e -> e.getValue().test(normalized))
			.map(Map.Entry::getKey)
			.toList();
		if (named.isEmpty()) {
			return c;
		}
		double total = 1 + KEYWORD_WEIGHT * named.size();
		List<Candidate> ranked = new ArrayList<>();
		for (Candidate candidate : c.ranked()) {
			double boost = named.contains(candidate.intent()) ? KEYWORD_WEIGHT : 0;
			ranked.add(new Candidate(candidate.intent(), (candidate.probability() + boost) / total,
					candidate.similarity()));
		}
		ranked.sort(Comparator.comparingDouble(Candidate::probability).reversed());
		return new Classification(ranked, c.outOfScope(), c.outOfScopeSimilarity());
	}

	private static <T> Alias<T> alias(String word, T target, boolean withPinyin) {
		String normalized = Terms.compact(NORMALIZER.normalize(word));
		List<String> pinyin = withPinyin && normalized.length() >= 2
				&& normalized.chars().allMatch(c -> FeatureExtractor.isHan((char) c)) ? pinyin(normalized) : List.of();
		return new Alias<>(normalized, pinyin, target);
	}

	/** The first ask the notice cannot answer that the question makes, if any. */
	public Optional<SpecificAsk> unanswerable(String normalized) {
		return rules.stream().filter(r -> r.matches(normalized)).map(Rule::ask).findFirst();
	}

	/** The departments the question names, in the order it names them. */
	public List<Department> departments(String normalized) {
		List<Department> found = new ArrayList<>();
		for (Match<Department> m : longestMatches(Terms.compact(normalized), departments, false)) {
			if (!found.contains(m.target())) {
				found.add(m.target());
			}
		}
		return found;
	}

	/**
	 * A department the list does not name, as HanLP reads it: an institution word (总局,
	 * 管理部, 邮政局, 委) with the nouns before it ("国家标准委", "国家体育总局"). Not one of the
	 * organisers, whose names are all on the list.
	 */
	public Optional<Department> unknownDepartment(String normalized) {
		List<Term> terms = HanLP.segment(Terms.compact(normalized));
		for (int i = 0; i < terms.size(); i++) {
			Term term = terms.get(i);
			if (!isInstitution(term)) {
				continue;
			}
			StringBuilder name = new StringBuilder(term.word);
			for (int j = i - 1; j >= 0 && name.length() < 10 && isNameWord(terms.get(j)); j--) {
				name.insert(0, terms.get(j).word);
			}
			if (name.length() >= 3) {
				return Optional.of(new Department(name.toString(), null, List.of(), false, null));
			}
		}
		return Optional.empty();
	}

	private static boolean isInstitution(Term term) {
		String nature = String.valueOf(term.nature);
		return nature.equals("nis") && term.word.matches(".*[部委局署会办]")
				|| nature.equals("ng") && term.word.matches("[部委局署]");
	}

	private static boolean isNameWord(Term term) {
		String nature = String.valueOf(term.nature);
		return (nature.equals("n") || nature.equals("ns") || nature.equals("nz") || nature.equals("vn")
				|| nature.equals("nt") || nature.equals("nis")) && term.word.length() <= 4;
	}

	/** The question with every department name taken out (what else it asks). */
	public String withoutDepartments(String normalized) {
		String text = Terms.compact(normalized);
		for (Alias<Department> alias : departments) {
			text = text.replace(alias.word(), " ");
		}
		return text.replace(" ", "");
	}

	/** Whether the question asks whether a department takes part. */
	public boolean asksParticipation(String normalized) {
		return participation.test(normalized);
	}

	/**
	 * The single facts the question names, in the order it names them; typos by sound are
	 * found too.
	 */
	public List<FactAsk> facts(String normalized) {
		List<FactAsk> found = new ArrayList<>();
		for (Match<FactRef> m : longestMatches(Terms.compact(normalized), facts, true)) {
			found.add(new FactAsk(m.target().intent(), m.target().fact(), m.position(), m.length(), m.exact()));
		}
		return found;
	}

	private record Match<T>(T target, int position, int length, boolean exact) {
	}

	/**
	 * Longest aliases first, and of two of the same length the one that starts first
	 * ("签发的" is 签发, not 发的); a matched stretch of text is not matched again.
	 */
	private static <T> List<Match<T>> longestMatches(String text, List<Alias<T>> aliases, boolean bySound) {
		List<Match<T>> all = new ArrayList<>();
		List<String> sounds = null;
		for (Alias<T> alias : aliases) {
			int n = alias.word().length();
			for (int at = text.indexOf(alias.word()); at >= 0 && n > 0; at = text.indexOf(alias.word(), at + 1)) {
				all.add(new Match<>(alias.target(), at, n, true));
			}
			if (bySound && !alias.pinyin().isEmpty()) {
				if (sounds == null) {
					sounds = pinyin(text);
				}
				for (int at = 0; at + n <= sounds.size() && at + n <= text.length(); at++) {
					if (sounds.subList(at, at + n).equals(alias.pinyin()) && !text.startsWith(alias.word(), at)) {
						all.add(new Match<>(alias.target(), at, n, false));
					}
				}
			}
		}
		all.sort(Comparator.<Match<T>>comparingInt(m -> -m.length())
			.thenComparing(m -> !m.exact())
			.thenComparingInt(Match::position));
		boolean[] taken = new boolean[text.length()];
		List<Match<T>> found = new ArrayList<>();
		for (Match<T> m : all) {
			if (free(taken, m.position(), m.length())) {
				take(taken, m.position(), m.length());
				found.add(m);
			}
		}
		found.sort(Comparator.comparingInt(Match::position));
		return found;
	}

	/**
	 * Whether the question names a department, a single fact or an intent's subject: it
	 * says what it is about.
	 */
	public boolean namesSubject(String normalized) {
		return !departments(normalized).isEmpty() || facts(normalized).stream().anyMatch(FactAsk::exact)
				|| keywords.values().stream().anyMatch(k -> k.test(normalized));
	}

	/** The intents whose subject the question names by one of their keywords. */
	public List<String> intentsNamed(String normalized) {
		return keywords.entrySet().stream().filter(e -> e.getValue().test(normalized)).map(Map.Entry::getKey).toList();
	}

	/**
	 * Whether the question names the subject of {@code intent} by one of its keywords.
	 */
	public boolean namesKeywordOf(String intent, String normalized) {
		Predicate<String> k = keywords.get(intent);
		return k != null && k.test(normalized);
	}

	private static boolean free(boolean[] taken, int at, int n) {
		for (int i = at; i < at + n; i++) {
			if (taken[i]) {
				return false;
			}
		}
		return true;
	}

	private static void take(boolean[] taken, int at, int n) {
		for (int i = at; i < at + n; i++) {
			taken[i] = true;
		}
	}

	private static List<String> pinyin(String text) {
		List<Pinyin> list = HanLP.convertToPinyinList(text);
		List<String> sounds = new ArrayList<>(list.size());
		for (int i = 0; i < list.size(); i++) {
			String py = list.get(i).getPinyinWithoutTone();
			// characters without a reading (digits, latin) never match by sound
			sounds.add("none".equals(py) ? "#" + text.charAt(Math.min(i, text.length() - 1)) : py);
		}
		return sounds;
	}

}
