package org.qualitymonth.assistant.channel.web;

import java.util.List;

import org.qualitymonth.assistant.chat.Choice;

/**
 * The JSON body of {@code GET /api/v1/menu}: what the chat page needs before the first
 * question.
 *
 * @param topics the main topics, offered as buttons on the welcome screen
 * @param maxTextLength the longest question the API accepts, so the page can stop typing
 * there
 */
record MenuResponse(List<Choice> topics, int maxTextLength) {
}
