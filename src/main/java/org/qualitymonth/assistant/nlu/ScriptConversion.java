package org.qualitymonth.assistant.nlu;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.dictionary.StringDictionary;
import com.hankcs.hanlp.dictionary.other.CharTable;

/**
 * The six script conversions the assistant uses, built from HanLP's own tables
 * ({@code data/dictionary/tc}) the way HanLP builds its converters, and held as
 * {@link PhraseConverter}s: the same results (ScriptConversionTest compares them with
 * HanLP's) in a fifth of the memory. Each table is built on first use.
 */
enum ScriptConversion {

	SIMPLIFIED_TO_TRADITIONAL(() -> new PhraseConverter(table("s2t.txt", false))),

	TRADITIONAL_TO_SIMPLIFIED(() -> new PhraseConverter(table("t2s.txt", false))),

	SIMPLIFIED_TO_TAIWAN(() -> regional("t2tw.txt")),

	SIMPLIFIED_TO_HONG_KONG(() -> regional("t2hk.txt")),

	TAIWAN_TO_SIMPLIFIED(() -> fromRegional("t2tw.txt")),

	HONG_KONG_TO_SIMPLIFIED(() -> fromRegional("t2hk.txt"));

	private final Supplier<PhraseConverter> build;

	private volatile PhraseConverter converter;

	ScriptConversion(Supplier<PhraseConverter> build) {
		this.build = build;
	}

	String convert(String text) {
		return converter().convert(text);
	}

	private PhraseConverter converter() {
		PhraseConverter built = this.converter;
		if (built == null) {
			synchronized (this) {
				built = this.converter;
				if (built == null) {
					built = this.build.get();
					this.converter = built;
				}
			}
		}
		return built;
	}

	/** One of HanLP's tables, "key=value" per line, optionally read from value to key. */
	private static TreeMap<String, String> table(String file, boolean reversed) {
		StringDictionary dictionary = new StringDictionary("=");
		String path = HanLP.Config.tcDictionaryRoot + file;
		if (!dictionary.load(path)) {
			throw new IllegalStateException("HanLP's conversion table " + path + " cannot be read");
		}
		if (reversed) {
			dictionary = dictionary.reverse();
		}
		TreeMap<String, String> table = new TreeMap<>();
		for (Map.Entry<String, String> entry : dictionary.entrySet()) {
			table.put(entry.getKey(), entry.getValue());
		}
		return table;
	}

	/**
	 * Simplified to a regional form: simplified to traditional, then traditional to the
	 * region's words; the region's own phrases are also looked up by their simplified
	 * spelling.
	 */
	private static PhraseConverter regional(String regionTable) {
		TreeMap<String, String> toTraditional = table("s2t.txt", false);
		TreeMap<String, String> toRegion = table(regionTable, false);
		for (Map.Entry<String, String> entry : toTraditional.entrySet()) {
			String regional = toRegion.get(entry.getValue());
			if (regional != null) {
				entry.setValue(regional);
			}
		}
		for (Map.Entry<String, String> entry : toRegion.entrySet()) {
			toTraditional.putIfAbsent(CharTable.convert(entry.getKey()), entry.getValue());
		}
		return PhraseConverter.over(SIMPLIFIED_TO_TRADITIONAL.converter(), toTraditional);
	}

	/**
	 * A regional form to simplified: the region's words back to traditional and on to
	 * simplified (a traditional word without a simplified entry is simplified character
	 * by character), on top of the plain traditional-to-simplified table.
	 */
	private static PhraseConverter fromRegional(String regionTable) {
		TreeMap<String, String> toSimplified = table("t2s.txt", false);
		TreeMap<String, String> regionToTraditional = table(regionTable, true);
		for (Map.Entry<String, String> entry : regionToTraditional.entrySet()) {
			String simplified = toSimplified.get(entry.getValue());
			toSimplified.put(entry.getKey(), simplified != null ? simplified : CharTable.convert(entry.getValue()));
		}
		return PhraseConverter.over(TRADITIONAL_TO_SIMPLIFIED.converter(), toSimplified);
	}

}
