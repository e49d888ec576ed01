package org.qualitymonth.assistant.knowledge;

import java.util.List;
import java.util.stream.Collectors;

/** The intent files cannot become a knowledge base; the problems say why. */
public class InvalidKnowledgeException extends Exception {

	private final List<Problem> problems;

	public InvalidKnowledgeException(List<Problem> problems) {
		super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

}
