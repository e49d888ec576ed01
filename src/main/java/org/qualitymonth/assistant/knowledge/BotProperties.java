package org.qualitymonth.assistant.knowledge;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the assistant keeps its files ({@code bot.*}).
 *
 * @param intentsDir the intent files staff edit
 * @param dataDir the assistant's own data (query log database, spool, trained models)
 * @param noticeFile the notice, verbatim; answers are checked against it
 * @param minExamples the fewest examples an intent may have
 */
@ConfigurationProperties("bot")
public record BotProperties(@DefaultValue("intents") Path intentsDir, @DefaultValue("data") Path dataDir,
		@DefaultValue("seeds/000_6176395c013b77c3.txt") Path noticeFile, @DefaultValue("10") int minExamples) {
}
