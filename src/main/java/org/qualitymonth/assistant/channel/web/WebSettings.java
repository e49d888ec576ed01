package org.qualitymonth.assistant.channel.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP channel settings ({@code bot.web.*}).
 *
 * @param maxTextLength the longest question accepted, in characters
 * @param maxBodyBytes the largest request body read at all; larger ones are refused before parsing
 */
@ConfigurationProperties("bot.web")
public record WebSettings(@DefaultValue("500") int maxTextLength, @DefaultValue("16384") int maxBodyBytes) {
}
