package org.qualitymonth.assistant.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Checks that the facts an answer states (quotations, numbers, dates, e-mail and web
 * addresses, document numbers, person names) occur verbatim in the notice, so that no
 * answer tells citizens something the notice does not say.
 */
final class NoticeGrounding {

	private static final List<Pattern> FACTS = List.of(
			// text in Chinese or straight quotes
			Pattern.compile("“([^”]{1,60})”"), Pattern.compile("「([^」]{1,60})」"), Pattern.compile("\"([^\"]{1,60})\""),
			// document numbers such as 国市监质〔2020〕133号
			Pattern.compile("((?:\\p{IsHan}{4})?〔\\d{4}〕\\d+号)"),
			// dates
			Pattern.compile("(\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?)"), Pattern.compile("(\\d{1,2}月\\d{1,2}日)"),
			// e-mail and web addresses
			Pattern.compile("([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)"),
			Pattern.compile("((?:https?://|www\\.)[\\w./?=&%-]+[\\w/])"),
			// phone numbers, index numbers and other long digit runs
			Pattern.compile("(?<![\\d@.\\w])(\\d[\\d-]{2,}\\d)(?![\\d@])"));

	private final String notice;

	private final String noticeWithoutSpaces;

	NoticeGrounding(String notice) {
		this.notice = notice;
		this.noticeWithoutSpaces = withoutSpaces(notice);
	}

	/**
	 * The stated facts of {@code answer} that are neither in the notice nor declared
	 * public information.
	 */
	public List<String> ungroundedFacts(String answer, List<String> publicInfo) {
		List<String> missing = new ArrayList<>();
		for (String fact : facts(answer)) {
			boolean declared = publicInfo.stream().anyMatch(info -> info.contains(fact) || fact.contains(info));
			if (!declared && !occurs(fact)) {
				missing.add(fact);
			}
		}
		return missing;
	}

	/** The checkable facts an answer states. */
	public static Set<String> facts(String answer) {
		Set<String> facts = new LinkedHashSet<>();
		for (Pattern pattern : FACTS) {
			Matcher m = pattern.matcher(answer);
			while (m.find()) {
				facts.add(m.group(1));
			}
		}
		for (Term term : HanLP.segment(answer)) {
			if (looksLikePersonName(term)) {
				facts.add(term.word);
			}
		}
		return facts;
	}

	/**
	 * HanLP's name recognition also tags phrases such as "方式和" or "项是" as names. A
	 * candidate counts only when, in HanLP's person-name corpus, its first character is
	 * mostly a surname and its last character mostly part of a given name.
	 */
	private static boolean looksLikePersonName(Term term) {
		if (term.nature == null || !term.nature.startsWith("nr") || term.word.length() < 2 || term.word.length() > 4) {
			return false;
		}
		EnumItem<NR> roles = PersonDictionary.dictionary.get(term.word.substring(0, 1));
		if (roles == null || !roles.containsLabel(NR.B)) {
			return false;
		}
		EnumItem<NR> last = PersonDictionary.dictionary.get(term.word.substring(term.word.length() - 1));
		if (last == null) {
			return false;
		}
		int givenName = last.getFrequency(NR.C) + last.getFrequency(NR.D) + last.getFrequency(NR.E);
		return roles.getFrequency(NR.B) >= 0.8 * total(roles) && givenName >= 0.5 * total(last);
	}

	private static int total(EnumItem<NR> roles) {
		return roles.labelMap.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Whether the notice contains {@code text} verbatim (spaces aside). */
	public boolean contains(String text) {
		return occurs(text);
	}

	private boolean occurs(String fact) {
		return notice.contains(fact) || noticeWithoutSpaces.contains(withoutSpaces(fact));
	}

	private static String withoutSpaces(String text) {
		return text.replaceAll("\\s+", "");
	}

}
