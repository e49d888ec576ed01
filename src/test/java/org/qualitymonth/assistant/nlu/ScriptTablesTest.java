package org.qualitymonth.assistant.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.io.IOUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ScriptTables against HanLP's own converters, which they replace to save memory: the
 * same output for every key of HanLP's tables on its own and run together, for the
 * notice, the intent files and their held-out questions, and for random mixtures of those
 * characters.
 */
class ScriptTablesTest {

	private static final List<String> TABLES = List.of("s2t.txt", "t2s.txt", "t2tw.txt", "t2hk.txt");

	@Test
	void simplifiedToTraditionalAsHanLP() {
		assertSameAs(ScriptTables::toTraditional, HanLP::convertToTraditionalChinese);
	}

	@Test
	void simplifiedToTaiwanAsHanLP() {
		assertSameAs(ScriptTables::toTaiwan, HanLP::s2tw);
	}

	@Test
	void simplifiedToHongKongAsHanLP() {
		assertSameAs(ScriptTables::toHongKong, HanLP::s2hk);
	}

	@Test
	void traditionalToSimplifiedAsHanLP() {
		assertSameAs(ScriptTables::toSimplified, HanLP::convertToSimplifiedChinese);
	}

	@Test
	void taiwanToSimplifiedAsHanLP() {
		assertSameAs(ScriptTables::taiwanToSimplified, HanLP::tw2s);
	}

	@Test
	void hongKongToSimplifiedAsHanLP() {
		assertSameAs(ScriptTables::hongKongToSimplified, HanLP::hk2s);
	}

	@Test
	void textWithoutAnyEntryIsReturnedAsItIs() {
		String text = "12315 hotline, ABC";
		assertThat(ScriptTables.toTraditional(text)).isSameAs(text);
		assertThat(ScriptTables.toTraditional("")).isEmpty();
	}

	@Test
	void longestPhraseWinsOverItsCharacters() {
		// 软件 is a Taiwan word of its own (軟體); character by character it would be 軟件
		assertThat(ScriptTables.toTaiwan("软件")).isEqualTo("軟體");
		assertThat(ScriptTables.toTraditional("软件")).isEqualTo("軟件");
	}

	private static void assertSameAs(UnaryOperator<String> ours, UnaryOperator<String> hanlp) {
		List<String> texts = corpus();
		List<String> differing = new ArrayList<>();
		for (String text : texts) {
			String expected = hanlp.apply(text);
			if (!ours.apply(text).equals(expected) && differing.size() < 10) {
				differing.add(text + " -> " + ours.apply(text) + " (HanLP: " + expected + ")");
			}
		}
		assertThat(differing).as("texts converted differently from HanLP, of %d", texts.size()).isEmpty();
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
