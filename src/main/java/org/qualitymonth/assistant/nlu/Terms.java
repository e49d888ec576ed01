package org.qualitymonth.assistant.nlu;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

/**
 * The terms staff write in the knowledge files to recognise what a question asks: a word,
 * matched in the normalised question ({@code 多少钱}); words joined by {@code +}, all of
 * which must be there ({@code 疫情+要求}); {@code re:} and a regular expression; or
 * {@code @地名}, any place name HanLP recognises (a city, a province, a district).
 */
final class Terms {

	static final String PLACE = "@地名";

	/** Place-like words HanLP tags as places that do not name a local office. */
	private static final Set<String> NOT_LOCAL = Set.of("中国", "全国", "中华", "国家", "中央", "各地", "当地", "本地", "地方");

	private static final TextNormalizer NORMALIZER = new TextNormalizer();

	private Terms() {
	}

	/**
	 * A test for one term; words are normalised like questions, so staff may write them
	 * in any script or width.
	 */
	static Predicate<String> compile(String term) {
		if (term.startsWith("re:")) {
			Pattern pattern = Pattern.compile(term.substring(3));
			return text -> pattern.matcher(text).find() || pattern.matcher(compact(text)).find();
		}
		if (PLACE.equals(term)) {
			return Terms::namesPlace;
		}
		if (term.contains("+")) {
			// "疫情+要求": every part must be there, anywhere in the question
			List<Predicate<String>> parts = java.util.Arrays.stream(term.split("\\+"))
				.filter(t -> !t.isBlank())
				.map(String::strip)
				.map(Terms::compile)
				.toList();
			return text -> parts.stream().allMatch(t -> t.test(text));
		}
		String word = NORMALIZER.normalize(term);
		String compactWord = compact(word);
		if (compactWord.isEmpty()) {
			return text -> false;
		}
		boolean latin = compactWord.chars().allMatch(c -> c < 128);
		if (latin) {
			// English words match whole words: "fee" must not match "feedback"
			Pattern pattern = Pattern.compile("(?<![a-z0-9])" + Pattern.quote(word) + "(?![a-z0-9])");
			return text -> pattern.matcher(text).find();
		}
		return text -> compact(text).contains(compactWord);
	}

	/** Whether any of the terms is in the text. */
	static Predicate<String> anyOf(List<String> terms) {
		// a place name needs a HanLP segmentation: tried after the plain words, which
		// usually decide first
		List<Predicate<String>> tests = java.util.stream.Stream
			.concat(terms.stream().filter(t -> !PLACE.equals(t)), terms.stream().filter(PLACE::equals))
			.map(Terms::compile)
			.toList();
		return text -> tests.stream().anyMatch(t -> t.test(text));
	}

	/**
	 * Whether a group of terms needs a segmentation of the question (it names
	 * {@code @地名}).
	 */
	static boolean segments(List<String> terms) {
		return terms.contains(PLACE);
	}

	static boolean namesPlace(String normalized) {
		for (Term term : HanLP.segment(compact(normalized))) {
			if (term.nature != null && term.nature.startsWith("ns") && term.word.length() >= 2
					&& !NOT_LOCAL.contains(term.word)) {
				return true;
			}
		}
		return false;
	}

	static String compact(String text) {
		return text.indexOf(' ') < 0 ? text : text.replace(" ", "");
	}

}
