package org.qualitymonth.assistant.querylog;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks personal numbers and addresses in a citizen's text before it is stored or logged:
 * resident ID numbers (only those with a valid GB 11643 check digit, so that other long
 * numbers survive), bank card numbers (only those passing the Luhn check), mainland
 * mobile numbers and e-mail addresses. Enough is kept for staff to see what kind of thing
 * was there ({@code 138****5678}).
 */
public final class Redactor {

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String ID_CHECK_CODES = "10X98765432";

	/** 18 characters, optionally written 6-8-4 with spaces or dashes. */
	private static final Pattern RESIDENT_ID = Pattern
		.compile("(?<![0-9])\\d{6}[ -]?\\d{8}[ -]?\\d{3}[0-9Xx](?![0-9])");

	/** 16 to 19 digits, in one run or in groups of four. */
	private static final Pattern BANK_CARD = Pattern
		.compile("(?<![0-9])(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?)(?![0-9])");

	/** 11 digits starting 13-19, optionally with +86 and written 3-4-4. */
	private static final Pattern MOBILE = Pattern
		.compile("(?<![0-9])((?:\\+?86[ -]?)?)(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?![0-9])");

	/**
	 * Digits of a mobile number without its country code: the shortest thing redacted.
	 */
	private static final int MOBILE_DIGITS = 11;

	private static final Pattern EMAIL = Pattern
		.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

	private final Set<String> publicEmails;

	/**
	 * @param publicEmails published addresses (such as the notice's contact) that are
	 * left as they are
	 */
	public Redactor(Collection<String> publicEmails) {
		this.publicEmails = publicEmails.stream()
			.map(e -> e.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	public String redact(String text) {
		if (text == null || text.isEmpty() || cannotHoldPersonalData(text)) {
			return text;
		}
		String s = replace(RESIDENT_ID, text, m -> {
			String digits = digitsOf(m.group());
			return isResidentId(digits) ? keepEnds(digits, 4, 4) : m.group();
		});
		s = replace(BANK_CARD, s, m -> {
			String digits = digitsOf(m.group());
			return digits.length() >= 16 && digits.length() <= 19 && passesLuhn(digits) ? keepEnds(digits, 4, 4)
					: m.group();
		});
		s = replace(MOBILE, s, m -> m.group(1) + m.group(2) + "****" + m.group(4));
		return replace(EMAIL, s, m -> {
			if (publicEmails.contains(m.group().toLowerCase(Locale.ROOT))) {
				return m.group();
			}
			return m.group(1).charAt(0) + "***@" + m.group(2);
		});
	}

	/**
	 * Every pattern above needs an '@' or at least 11 ASCII digits (a mobile number is
	 * the shortest). Most questions have neither, and are then spared four regular
	 * expressions on the answering thread.
	 */
	private static boolean cannotHoldPersonalData(String text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '@') {
				return false;
			}
			if (c >= '0' && c <= '9') {
				digits++;
			}
		}
		return digits < MOBILE_DIGITS;
	}

	/**
	 * True for 18 characters whose last one is the GB 11643 (ISO 7064 MOD 11-2) check of
	 * the first 17.
	 */
	static boolean isResidentId(String id) {
		if (id.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = id.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			sum += (c - '0') * ID_WEIGHTS[i];
		}
		return Character.toUpperCase(id.charAt(17)) == ID_CHECK_CODES.charAt(sum % 11);
	}

	static boolean passesLuhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (d < 0 || d > 9) {
				return false;
			}
			if (twice) {
				d = d * 2 > 9 ? d * 2 - 9 : d * 2;
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	private static String digitsOf(String s) {
		return s.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
	}

	private static String keepEnds(String s, int head, int tail) {
		return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
	}

	private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
		Matcher m = pattern.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
		}
		m.appendTail(out);
		return out.toString();
	}

}
