package org.qualitymonth.assistant.chat;

import java.util.List;

import org.qualitymonth.assistant.knowledge.Department;
import org.qualitymonth.assistant.knowledge.Fact;
import org.qualitymonth.assistant.knowledge.Intent;

/**
 * One answered part of a question: an intent's answer, only the single facts asked for
 * (the intent's answer then becomes the details), or whether one department is among the
 * organisers.
 *
 * @param intent the intent answered (for a department, the intent holding the organiser
 * list)
 * @param facts the facts asked for; empty for the whole answer
 * @param department the department asked about, or null
 */
record Part(Intent intent, List<Fact> facts, Department department) {

	Part {
		facts = List.copyOf(facts);
	}

	static Part whole(Intent intent) {
		return new Part(intent, List.of(), null);
	}

	/** Small talk (greetings, thanks) has no source in the notice. */
	boolean isSmallTalk() {
		return department == null && intent.source() == null;
	}

	boolean isShort() {
		return department != null || !facts.isEmpty();
	}

}
