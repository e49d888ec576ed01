package org.qualitymonth.assistant.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.qualitymonth.assistant.chat.ServingKnowledge;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.knowledge.Intent;
import org.springframework.stereotype.Component;

/** The serving intents as the admin pages name them: by their Chinese titles. */
@Component
class IntentChoices {

	private final ServingKnowledge serving;

	IntentChoices(ServingKnowledge serving) {
		this.serving = serving;
	}

	/** The intents a question can be added to; out of scope has a button of its own. */
	List<Choice> intents() {
		return serving.current()
			.map(kb -> kb.intents()
				.stream()
				.filter(i -> !i.isOutOfScope())
				.map(i -> new Choice(i.id(), i.title()))
				.toList())
			.orElse(List.of());
	}

	Map<String, String> titles() {
		return serving.current()
			.map(kb -> kb.intents().stream().collect(Collectors.toMap(Intent::id, Intent::title, (a, b) -> a)))
			.orElse(Map.of());
	}

}
