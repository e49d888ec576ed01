package org.qualitymonth.assistant.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled question of a test file (TSV: kind, category, question, expect), in the
 * format of the shared scorer: kind {@code in} must be answered with the expected facts,
 * kind {@code oos} must be declined. {@code expect} holds groups joined by " && ",
 * alternatives split by "|", and an optional "Kof:" prefix for "at least K alternatives".
 */
public record TestQuestion(String kind, String category, String question, String expect) {

	public boolean inScope() {
		return "in".equals(kind);
	}

	/** Questions to decline: kind {@code oos}, or a dialog turn marked off-topic. */
	public boolean offTopic() {
		return "oos".equals(kind);
	}

	public static List<TestQuestion> read(Path tsv) throws IOException {
		List<TestQuestion> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
		for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\t", -1);
			rows.add(new TestQuestion(parts[0], part(parts, 1), part(parts, 2), part(parts, 3)));
		}
		return rows;
	}

	private static String part(String[] parts, int i) {
		return i < parts.length ? parts[i] : "";
	}

	/** Whether {@code answer} holds the expected facts. */
	public boolean factsFoundIn(String answer) {
		String a = compact(answer);
		if (expect.isBlank()) {
			return true;
		}
		for (String group : expect.split(" && ")) {
			int k = 1;
			int of = group.indexOf("of:");
			if (of > 0 && of < 4) {
				k = Integer.parseInt(group.substring(0, of));
				group = group.substring(of + 3);
			}
			long hits = java.util.Arrays.stream(group.split("\\|"))
				.map(TestQuestion::compact)
				.filter(alt -> !alt.isEmpty() && a.contains(alt))
				.count();
			if (hits < k) {
				return false;
			}
		}
		return true;
	}

	static String compact(String s) {
		return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}

}
