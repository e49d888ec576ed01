package org.qualitymonth.assistant.chat;

/**
 * Which parts of question reading are on, beside the n-gram classifier. All are on in the
 * product; the evaluation turns them off one by one to show what each adds (the ablation
 * table of {@code eval}).
 *
 * @param answerability decline asks the notice does not answer, with the reason
 * @param entities departments by every name, single facts, intent keywords
 * @param clauses read long messages clause by clause, courtesy aside
 */
public record ReadingFeatures(boolean answerability, boolean entities, boolean clauses) {

	public static final ReadingFeatures ALL = new ReadingFeatures(true, true, true);

	public static final ReadingFeatures NGRAMS_ONLY = new ReadingFeatures(false, false, false);

}
