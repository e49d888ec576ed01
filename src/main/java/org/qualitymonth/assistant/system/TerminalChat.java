package org.qualitymonth.assistant.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * {@code chat}: the conversation as a citizen sees it on the chat page (answer, source,
 * choices), with the choices numbered so that typing a number presses that button. One
 * line of engine detail (outcome, intent, confidence) is shown apart, for staff checking
 * an edit.
 */
final class TerminalChat {

	/**
	 * The CLI runs without Spring, so its texts come from the core's stand-alone message
	 * source.
	 */
	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	private static final String SESSION = "terminal";

	private final ChatService chat;

	private final PrintStream out;

	private List<Choice> offered = List.of();

	TerminalChat(ChatService chat, PrintStream out) {
		this.chat = chat;
		this.out = out;
	}

	void run(BufferedReader in) throws IOException {
		out.println(TEXTS.getMessage("cli.chat.welcome"));
		prompt();
		String line;
		while ((line = in.readLine()) != null && !line.isBlank()) {
			Choice chosen = chosen(line.strip());
			Reply reply = chosen != null ? chat.choose(chosen.intent(), SESSION, "cli")
					: chat.ask(new Question(line, SESSION, "cli"));
			show(reply);
			prompt();
		}
		out.println();
	}

	private Choice chosen(String line) {
		if (!line.matches("[0-9]{1,2}")) {
			return null;
		}
		int number = Integer.parseInt(line);
		return number >= 1 && number <= offered.size() ? offered.get(number - 1) : null;
	}

	private void show(Reply reply) {
		out.println(reply.answer());
		if (reply.source() != null && !reply.source().isBlank()) {
			out.println(TEXTS.getMessage("reply.sourcePrefix") + reply.source());
		}
		List<Choice> numbered = new ArrayList<>();
		if (reply.outcome() == Outcome.SUGGESTED) {
			list("cli.chat.suggestions", reply.suggestions(), numbered);
		}
		else if (reply.outcome() == Outcome.DECLINED) {
			// a declined reply's suggestions are the main topics
			list("cli.chat.topics", reply.suggestions(), numbered);
		}
		list("cli.chat.related", reply.related(), numbered);
		offered = List.copyOf(numbered);
		out.println(TEXTS.getMessage("cli.chat.detail",
				new Object[] { reply.outcome().name().toLowerCase(java.util.Locale.ROOT),
						String.valueOf(reply.intent()),
						String.format(java.util.Locale.ROOT, "%.3f", reply.confidence()) }));
	}

	private void list(String headingKey, List<Choice> choices, List<Choice> numbered) {
		if (choices.isEmpty()) {
			return;
		}
		out.println(TEXTS.getMessage(headingKey));
		for (Choice choice : choices) {
			numbered.add(choice);
			out.println("  " + numbered.size() + ". " + choice.title());
		}
	}

	private void prompt() {
		out.print(
				offered.isEmpty() ? "> " : TEXTS.getMessage("cli.chat.pick", new Object[] { offered.size() }) + " > ");
		out.flush();
	}

}
