package org.qualitymonth.assistant.chat;

/** An intent offered as a button: its id and short title. */
public record Choice(String intent, String title) {
}
