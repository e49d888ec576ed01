package org.qualitymonth.assistant.knowledge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Hot reload of the intent files ({@code bot.knowledge.*}).
 *
 * @param watch whether edits to the intent files are picked up while the app runs
 * @param pollInterval how often the directory is checked; a change is loaded once it has
 * stayed the same for one interval, so an editor's half-written save is not loaded
 */
@ConfigurationProperties("bot.knowledge")
record KnowledgeSettings(@DefaultValue("true") boolean watch, @DefaultValue("400ms") Duration pollInterval) {
}
