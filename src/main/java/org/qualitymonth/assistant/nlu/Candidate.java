package org.qualitymonth.assistant.nlu;

/**
 * One intent the question may belong to.
 *
 * @param intent the intent id
 * @param probability the classifier's probability
 * @param similarity cosine similarity to the nearest training example of that intent
 */
public record Candidate(String intent, double probability, double similarity) {
}
