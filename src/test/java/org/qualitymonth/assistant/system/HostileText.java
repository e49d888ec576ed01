package org.qualitymonth.assistant.system;

import java.util.List;
import java.util.Random;

/**
 * Seeded generator of the text an attacker or a broken client sends: controls, zero-width
 * and bidi characters, variation selectors and tags, emoji sequences, combining marks,
 * full-width and compatibility characters, unpaired surrogates, markup, SQL and JSON
 * fragments, mixed with ordinary Chinese. The same seed gives the same text, so a failure
 * can be replayed: every fuzz test prints its seed and takes {@code -Dfuzz.seed=...}.
 */
public final class HostileText {

	/** Fragments that mean something to a parser, a browser or a database. */
	static final List<String> PAYLOADS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"\"><svg/onload=alert(1)>", "' OR '1'='1' --", "'; DROP TABLE query_log; --", "1; SELECT pg_sleep(10)",
			"${jndi:ldap://x/a}", "{{7*7}}", "\\u0000", "\\\"", "\"}", "%00", "../../etc/passwd", "质量月的主题是什么",
			"投诉电话是多少", "二零二零年", "質量月", "🇨🇳", "👨‍👩‍👧‍👦", "﷽", "ﷺ", "㍻", "①②③", "Ｑｕａｌｉｔｙ", "İstanbul", "ß", "\r\n",
			"\t");

	private final Random random;

	public HostileText(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * The seed for this run: {@code -Dfuzz.seed=...} to replay a failure, else a fixed
	 * one so that CI is repeatable.
	 */
	public static long seed(long fixed) {
		String configured = System.getProperty("fuzz.seed");
		if (configured == null || configured.isBlank()) {
			return fixed;
		}
		return configured.equals("random") ? new Random().nextLong() : Long.parseLong(configured);
	}

	public Random random() {
		return random;
	}

	/** Up to {@code maxParts} fragments of any kind, joined. */
	public String text(int maxParts) {
		StringBuilder text = new StringBuilder();
		int parts = random.nextInt(maxParts + 1);
		for (int i = 0; i < parts; i++) {
			text.append(fragment());
		}
		return text.toString();
	}

	/** One fragment: a payload, or a short run of characters of one kind. */
	public String fragment() {
		if (random.nextInt(6) == 0) {
			return PAYLOADS.get(random.nextInt(PAYLOADS.size()));
		}
		StringBuilder run = new StringBuilder();
		int length = 1 + random.nextInt(6);
		int kind = random.nextInt(16);
		for (int i = 0; i < length; i++) {
			run.appendCodePoint(codePoint(kind));
		}
		return run.toString();
	}

	private int codePoint(int kind) {
		return switch (kind) {
			case 0 -> between(0x4E00, 0x9FFF); // CJK
			case 1 -> between(0x20, 0x7E); // printable ASCII
			case 2 -> random.nextBoolean() ? between(0x00, 0x1F) : between(0x7F, 0x9F); // C0,
																						// DEL,
																						// C1
																						// controls
			case 3 -> pick(0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD, 0x180E);
			case 4 ->
				pick(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C);
			case 5 -> random.nextBoolean() ? between(0xFE00, 0xFE0F) : between(0xE0000, 0xE007F); // selectors,
																									// tags
			case 6 -> between(0x1F300, 0x1FAFF); // emoji
			case 7 -> between(0x0300, 0x036F); // combining marks
			case 8 -> between(0xFF01, 0xFF5E); // full-width forms
			case 9 -> pick(0xFDFA, 0xFDFB, 0x3300, 0x33FF, 0x2460, 0x2473, 0x1D400, 0x2126, 0x212B, 0xFB00, 0x0130);
			case 10 -> between(0xD800, 0xDFFF); // unpaired surrogates
			case 11 -> random.nextBoolean() ? between(0xE000, 0xF8FF) : pick(0xFFFE, 0xFFFF, 0xFFFD, 0x10FFFF);
			case 12 -> pick(0x2028, 0x2029, 0x00A0, 0x3000, 0x2000, 0x200A, 0x1680, 0x0085);
			case 13 -> pick('零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '年', '月', '日');
			case 14 -> pick('"', '\\', '\'', '<', '>', '&', ';', '{', '}', '[', ']', '%', '$', '@', '.', '-', '_', '+');
			default -> between(0x0, 0x10FFFF); // anything at all
		};
	}

	private int between(int from, int to) {
		return from + random.nextInt(to - from + 1);
	}

	private int pick(int... choices) {
		return choices[random.nextInt(choices.length)];
	}

}
