package org.qualitymonth.assistant.chat;

import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.IntentClassifier;
import org.qualitymonth.assistant.nlu.Lexicon;

/**
 * A knowledge base and the classifier trained on it: swapped together, never one without
 * the other.
 */
record Snapshot(KnowledgeBase knowledge, IntentClassifier classifier, Lexicon lexicon) {

	/**
	 * The snapshot of a knowledge base and its classifier, with the lexicon compiled from
	 * the same files.
	 */
	Snapshot(KnowledgeBase knowledge, IntentClassifier classifier) {
		this(knowledge, classifier, Lexicon.of(knowledge));
	}

}
