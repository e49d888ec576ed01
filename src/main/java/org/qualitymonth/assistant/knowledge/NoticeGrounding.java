package org.qualitymonth.assistant.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Checks that the facts an answer states (quotations, numbers, dates, e-mail and web addresses,
 * document numbers, person names) occur verbatim in the notice, so that no answer tells citizens
 * something the notice does not say.
 */
public final class NoticeGrounding {

	private static final List<Pattern> FACTS = List.of(
			// text in Chinese or straight quotes
			Pattern.compile("“([^”]{1,60})”"), Pattern.compile("「([^」]{1,60})」"), Pattern.compile("\"([^\"]{1,60})\""),
			// document numbers such as 国市监质〔2020〕133号
			Pattern.compile("([\\p{IsHan}]{0,6}〔\\d{4}〕\\d+号)"),
			// dates
			Pattern.compile("(\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?)"), Pattern.compile("(\\d{1,2}月\\d{1,2}日)"),
			// e-mail and web addresses
			Pattern.compile("([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)"),
			Pattern.compile("((?:https?://|www\\.)[\\w./?=&%-]+[\\w/])"),
			// phone numbers, index numbers and other long digit runs
			Pattern.compile("(?<![\\d@.\\w])(\\d[\\d-]{2,}\\d)(?![\\d@])"));

	private final String notice;

	private final String noticeWithoutSpaces;

	public NoticeGrounding(String notice) {
		this.notice = notice;
		this.noticeWithoutSpaces = withoutSpaces(notice);
	}

	/** The stated facts of {@code answer} that are neither in the notice nor declared public information. */
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
			if (term.nature != null && term.nature.startsWith("nr") && term.word.length() >= 2) {
				facts.add(term.word);
			}
		}
		return facts;
	}

	private boolean occurs(String fact) {
		return notice.contains(fact) || noticeWithoutSpaces.contains(withoutSpaces(fact));
	}

	private static String withoutSpaces(String text) {
		return text.replaceAll("\\s+", "");
	}

}
