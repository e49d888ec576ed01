package org.qualitymonth.assistant.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.io.IOUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script conversions against HanLP's own converters, which they replace to save
 * memory: the same output for every key of HanLP's tables on its own and run together,
 * for the notice, the intent files and their held-out questions, and for random mixtures
 * of those characters.
 */
class ScriptConversionTest {

	private static final List<String> TABLES = List.of("s2t.txt", "t2s.txt", "t2tw.txt", "t2hk.txt");

	private static final Map<ScriptConversion, UnaryOperator<String>> HANLP = Map.of(
			ScriptConversion.SIMPLIFIED_TO_TRADITIONAL, HanLP::convertToTraditionalChinese,
			ScriptConversion.SIMPLIFIED_TO_TAIWAN, HanLP::s2tw, ScriptConversion.SIMPLIFIED_TO_HONG_KONG, HanLP::s2hk,
			ScriptConversion.TRADITIONAL_TO_SIMPLIFIED, HanLP::convertToSimplifiedChinese,
			ScriptConversion.TAIWAN_TO_SIMPLIFIED, HanLP::tw2s, ScriptConversion.HONG_KONG_TO_SIMPLIFIED, HanLP::hk2s);

	private static List<String> corpus;

	@BeforeAll
	static void readCorpus() {
		corpus = corpus();
	}

	@ParameterizedTest
	@EnumSource(ScriptConversion.class)
	void convertsAsHanLPDoes(ScriptConversion conversion) {
		UnaryOperator<String> hanlp = HANLP.get(conversion);
		List<String> differing = new ArrayList<>();
		for (String text : corpus) {
			String expected = hanlp.apply(text);
			String ours = conversion.convert(text);
			if (!ours.equals(expected) && differing.size() < 10) {
				differing.add(text + " -> " + ours + " (HanLP: " + expected + ")");
			}
		}
		assertThat(differing).as("texts converted differently from HanLP, of %d", corpus.size()).isEmpty();
	}

	@Test
	void textWithoutAnyEntryIsReturnedAsItIs() {
		String text = "12315 hotline, ABC";
		assertThat(ScriptConversion.SIMPLIFIED_TO_TRADITIONAL.convert(text)).isSameAs(text);
		assertThat(ScriptConversion.SIMPLIFIED_TO_TRADITIONAL.convert("")).isEmpty();
	}

	@Test
	void longestPhraseWinsOverItsCharacters() {
		// 软件 is a Taiwan word of its own (軟體); character by character it would be 軟件
		assertThat(ScriptConversion.SIMPLIFIED_TO_TAIWAN.convert("软件")).isEqualTo("軟體");
		assertThat(ScriptConversion.SIMPLIFIED_TO_TRADITIONAL.convert("软件")).isEqualTo("軟件");
	}

	private static List<String> corpus() {
		List<String> texts = new ArrayList<>();
		StringBuilder allKeys = new StringBuilder();
		StringBuilder allValues = new StringBuilder();
		for (String table : TABLES) {
			for (String line : IOUtil.readLineListWithLessMemory(HanLP.Config.tcDictionaryRoot + table)) {
				int separator = line.indexOf('=');
				if (separator > 0) {
					texts.add(line.substring(0, separator));
					texts.add(line.substring(separator + 1));
					allKeys.append(line, 0, separator);
					allValues.append(line, separator + 1, line.length());
				}
			}
		}
		texts.add(allKeys.toString());
		texts.add(allValues.toString());
		for (String directory : List.of("intents", "seeds", "src/test/resources/eval")) {
			try (Stream<Path> files = Files.walk(Path.of(directory))) {
				files.filter(Files::isRegularFile).forEach(file -> texts.addAll(lines(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		// random mixtures, so that phrases meet across the boundaries of the texts above
		String pool = allKeys.toString() + allValues;
		Random random = new Random(16);
		for (int n = 0; n < 20_000; n++) {
			int start = random.nextInt(pool.length() - 40);
			StringBuilder mixture = new StringBuilder(pool.substring(start, start + 1 + random.nextInt(12)));
			int other = random.nextInt(pool.length() - 40);
			mixture.append(pool, other, other + 1 + random.nextInt(12));
			texts.add(mixture.toString());
		}
		return texts;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
