package org.qualitymonth.assistant.channel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page's files as shipped: ready for a strict Content-Security-Policy (nothing
 * inline, no eval, no HTML built from strings) and self-contained (no CDN, nothing
 * fetched from another site).
 */
class StaticAssetsTest {

	private static final Path STATIC = Path.of("src", "main", "resources", "static");

	@Test
	void pagesHaveNoInlineScriptsStylesOrEventHandlers() throws IOException {
		List<Path> pages = files(".html");
		assertThat(pages).extracting(p -> p.getFileName().toString()).contains("index.html", "embed-demo.html");
		for (Path page : pages) {
			String html = Files.readString(page, StandardCharsets.UTF_8);
			assertThat(html).as(page + ": inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
			assertThat(html).as(page + ": style element").doesNotContainPattern("<style\\b");
			assertThat(html).as(page + ": style attribute").doesNotContainPattern("\\sstyle\\s*=");
			assertThat(html).as(page + ": event handler attribute").doesNotContainPattern("\\son[a-z]+\\s*=");
			assertThat(html).as(page + ": javascript: URL").doesNotContainIgnoringCase("javascript:");
		}
	}

	@Test
	void pagesLoadNothingFromOtherSites() throws IOException {
		// real tags only: the embed demo shows snippets as escaped text (&lt;script
		// src="https://...")
		Pattern external = Pattern.compile("<[a-z][^>]*\\s(?:src|href)\\s*=\\s*\"(?:https?:)?//");
		for (Path file : files(".html", ".css")) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			assertThat(external.matcher(text).find()).as(file + " refers to another site").isFalse();
			assertThat(text).as(file + ": CSS import from elsewhere")
				.doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//");
		}
	}

	@Test
	void scriptsNeverTurnTextIntoCodeOrMarkup() throws IOException {
		List<Path> scripts = files(".js");
		assertThat(scripts).extracting(p -> p.getFileName().toString()).contains("chat.js", "widget.js");
		for (Path script : scripts) {
			String js = Files.readString(script, StandardCharsets.UTF_8);
			for (String forbidden : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
					"new Function", "setAttribute('style'", "setAttribute(\"style\"", "cssText")) {
				assertThat(js).as(script + " uses " + forbidden).doesNotContain(forbidden);
			}
			assertThat(js).as(script + ": string timers are eval")
				.doesNotContainPattern("set(Timeout|Interval)\\(\\s*['\"`]");
		}
	}

	private static List<Path> files(String... endings) throws IOException {
		try (Stream<Path> files = Files.walk(STATIC)) {
			return files.filter(f -> Stream.of(endings).anyMatch(e -> f.toString().endsWith(e))).sorted().toList();
		}
	}

}
