package org.qualitymonth.assistant.chat;

import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.IntentClassifier;

/** A knowledge base and the classifier trained on it: swapped together, never one without the other. */
public record Snapshot(KnowledgeBase knowledge, IntentClassifier classifier) {
}
