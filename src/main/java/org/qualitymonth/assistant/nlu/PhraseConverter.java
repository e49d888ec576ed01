package org.qualitymonth.assistant.nlu;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One direction of script conversion (simplified to traditional, say): at each position
 * the longest key of the table that starts there is replaced by its value, else the
 * character is kept. That is the rule of HanLP's converters. HanLP holds each direction
 * as an Aho-Corasick trie, 2-16 MB apiece and 38 MB for the six the assistant uses (a
 * third of its live heap); here a table is a character array plus a hash map, and a
 * regional table (Taiwan, Hong Kong) keeps only where it differs from the general one it
 * is layered {@link #over}.
 */
final class PhraseConverter {

	private static final int CHARS = Character.MAX_VALUE + 1;

	/** One character to another, the bulk of every table: no lookup key to allocate. */
	private final char[] singles = new char[CHARS];

	/** Every other entry: phrases, and characters that become more or fewer than one. */
	private final Map<String, String> phrases = new HashMap<>();

	/** The longest key in {@link #phrases} that starts with a character. */
	private final short[] longest = new short[CHARS];

	/**
	 * Consulted for what this table does not say; {@code null} for a table of its own.
	 */
	private final PhraseConverter base;

	PhraseConverter(Map<String, String> table) {
		this(table, null);
	}

	private PhraseConverter(Map<String, String> table, PhraseConverter base) {
		this.base = base;
		for (Map.Entry<String, String> entry : table.entrySet()) {
			String key = entry.getKey();
			String value = entry.getValue();
			if (key.isEmpty() || (base != null && value.equals(base.own(key, 0, key.length())))) {
				continue;
			}
			boolean single = key.length() == 1 && value.length() == 1;
			boolean unchanged = value.equals(key);
			if (single && !unchanged) {
				this.singles[key.charAt(0)] = value.charAt(0);
			}
			else if (!single || base != null) {
				// a phrase; or, over a base, a character that stays itself, which must
				// still
				// hide the base's entry (on its own table it needs none: it is kept
				// either way)
				this.phrases.put(key, value);
				int first = key.charAt(0);
				this.longest[first] = (short) Math.max(this.longest[first], key.length());
			}
		}
	}

	/**
	 * {@code table} layered over {@code base}: the same as one converter of the merged
	 * tables.
	 */
	static PhraseConverter over(PhraseConverter base, Map<String, String> table) {
		return new PhraseConverter(table, Objects.requireNonNull(base, "base"));
	}

	String convert(String text) {
		int length = text.length();
		StringBuilder out = null;
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			int maximum = Math.min(maximumKey(c), length - i);
			String value = null;
			int size = maximum;
			for (; size >= 1 && value == null; size--) {
				value = lookup(text, i, size);
			}
			if (value == null) {
				if (out != null) {
					out.append(c);
				}
				i++;
				continue;
			}
			if (out == null) {
				out = new StringBuilder(length + 8).append(text, 0, i);
			}
			out.append(value);
			i += size + 1;
		}
		return out == null ? text : out.toString();
	}

	private int maximumKey(char c) {
		int own = Math.max(this.longest[c], 1);
		return this.base == null ? own : Math.max(own, this.base.maximumKey(c));
	}

	private String lookup(String text, int start, int size) {
		String value = own(text, start, size);
		return value == null && this.base != null ? this.base.lookup(text, start, size) : value;
	}

	/** This table's own value for the key at {@code start}, not its base's. */
	private String own(String text, int start, int size) {
		char first = text.charAt(start);
		if (size <= this.longest[first]) {
			String value = this.phrases.get(text.substring(start, start + size));
			if (value != null) {
				return value;
			}
		}
		return size == 1 && this.singles[first] != 0 ? String.valueOf(this.singles[first]) : null;
	}

}
