package org.qualitymonth.assistant.admin;

import java.time.OffsetDateTime;
import java.util.List;

import org.qualitymonth.assistant.querylog.ReviewStatus;
import org.qualitymonth.assistant.querylog.UnansweredGroup;

/**
 * Unanswered questions that ask the same thing in different words, reviewed together.
 *
 * @param id stable while the most asked wording stays the same; carried by the JSON and
 * the CSV
 * @param count how often any of the wordings was asked
 * @param wordings the distinct texts, most asked first (the first one represents the
 * group)
 * @param nearestIntents the intents the classifier leaned to, averaged over every time a
 * wording was asked
 * @param status the review status of the most asked wording
 */
record ReviewGroup(String id, long count, List<UnansweredGroup> wordings, OffsetDateTime firstSeen,
		OffsetDateTime lastSeen, List<UnansweredGroup.IntentShare> nearestIntents, ReviewStatus status) {

	ReviewGroup {
		wordings = List.copyOf(wordings);
		nearestIntents = List.copyOf(nearestIntents);
	}

	public String text() {
		return wordings.get(0).text();
	}

	public List<String> texts() {
		return wordings.stream().map(UnansweredGroup::text).toList();
	}

	public List<String> channels() {
		return wordings.stream().flatMap(w -> w.channels().stream()).distinct().sorted().toList();
	}

	public String addedTo() {
		return wordings.get(0).addedTo();
	}

}
