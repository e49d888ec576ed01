package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.qualitymonth.assistant.knowledge.IntentFileParser.problem;

/**
 * Turns a directory of intent files into a validated {@link KnowledgeBase}, or into the
 * list of problems that stop it. Nothing is half-loaded: one error rejects the whole
 * directory; warnings travel with the knowledge base.
 */
public final class KnowledgeLoader {

	private final IntentFileParser parser = new IntentFileParser();

	private final KnowledgeValidator validator;

	private final Clock clock;

	/**
	 * A loader that checks answers against the notice in {@code noticeFile} (UTF-8) and
	 * wants at least {@code minExamples} examples per intent.
	 */
	public static KnowledgeLoader forNotice(Path noticeFile, int minExamples, Clock clock) throws IOException {
		return new KnowledgeLoader(new NoticeGrounding(Files.readString(noticeFile, StandardCharsets.UTF_8)),
				minExamples, clock);
	}

	KnowledgeLoader(NoticeGrounding grounding, int minExamples, Clock clock) {
		this.validator = new KnowledgeValidator(grounding, minExamples);
		this.clock = clock;
	}

	public KnowledgeBase load(Path directory) throws InvalidKnowledgeException {
		List<Intent> intents = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Departments departments = Departments.NONE;
		String departmentsFile = null;
		List<SpecificAsk> specifics = new ArrayList<>();
		MessageDigest digest = sha256();
		List<Path> files = intentFiles(directory, problems);
		for (Path path : files) {
			String name = directory.relativize(path).toString();
			byte[] bytes;
			String content;
			try {
				bytes = Files.readAllBytes(path);
				content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
			}
			catch (CharacterCodingException ex) {
				problems.add(problem(name, 0, "problem.unreadable", "not UTF-8 / 不是 UTF-8 编码"));
				continue;
			}
			catch (IOException ex) {
				problems.add(problem(name, 0, "problem.unreadable", ex.getMessage()));
				continue;
			}
			digest.update(name.getBytes(StandardCharsets.UTF_8));
			digest.update(bytes);
			IntentFileParser.Parsed parsed = parser.parse(name, content);
			intents.addAll(parsed.intents());
			problems.addAll(parsed.problems());
			specifics.addAll(parsed.specifics());
			if (parsed.departments() != null) {
				if (departmentsFile != null) {
					problems.add(problem(name, 0, "problem.twoDepartmentFiles", departmentsFile));
				}
				departments = parsed.departments();
				departmentsFile = name;
			}
		}
		boolean parsed = problems.stream().noneMatch(Problem::isError);
		if (parsed && files.isEmpty()) {
			problems.add(problem(directory.toString(), 0, "problem.noFiles"));
		}
		else if (parsed) {
			problems.addAll(validator.validate(intents));
			if (problems.stream().noneMatch(Problem::isError)) {
				// a broken intent (a duplicate id) would show again as every suggestion
				// pointing at it: one mistake, one message
				problems.addAll(validator.validateCatalogue(intents, departments, specifics));
			}
		}
		if (problems.stream().anyMatch(Problem::isError)) {
			throw new InvalidKnowledgeException(problems);
		}
		String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		return new KnowledgeBase(version, clock.instant(), intents, departments, specifics, problems);
	}

	private static List<Path> intentFiles(Path directory, List<Problem> problems) {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			problems.add(problem(directory.toString(), 0, "problem.unreadable", ex.getMessage()));
			return List.of();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
