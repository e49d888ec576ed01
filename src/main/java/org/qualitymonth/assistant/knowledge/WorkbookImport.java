package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Checks an edited workbook as the loader checks the intent files and, when asked, writes
 * it back into them: the YAML files stay the source of truth. Only files whose intents
 * changed are rewritten (keeping their leading comments); the result is loaded in a
 * scratch copy first, so a workbook that would break the knowledge base never touches the
 * real directory.
 */
public final class WorkbookImport {

	private final NoticeGrounding grounding;

	private final int minExamples;

	/**
	 * An import that checks answers against the notice in {@code noticeFile} (UTF-8) and
	 * wants at least {@code minExamples} examples per intent.
	 */
	public static WorkbookImport forNotice(Path noticeFile, int minExamples) throws IOException {
		return new WorkbookImport(new NoticeGrounding(Files.readString(noticeFile, StandardCharsets.UTF_8)),
				minExamples);
	}

	WorkbookImport(NoticeGrounding grounding, int minExamples) {
		this.grounding = grounding;
		this.minExamples = minExamples;
	}

	/**
	 * @param problems errors and warnings, by sheet and row; nothing was written if any
	 * is an error
	 * @param written the intent files written (relative to the directory), empty when
	 * only checking
	 */
	public record Result(List<Problem> problems, List<String> written) {

		public Result {
			problems = List.copyOf(problems);
			written = List.copyOf(written);
		}

		public boolean ok() {
			return problems.stream().noneMatch(Problem::isError);
		}

	}

	public Result run(IntentWorkbook.Read read, Path directory, boolean write) throws IOException {
		List<Problem> problems = new ArrayList<>(read.problems());
		if (problems.stream().noneMatch(Problem::isError)) {
			problems.addAll(new KnowledgeValidator(grounding, minExamples).validate(read.intents()));
		}
		if (problems.stream().anyMatch(Problem::isError)) {
			return new Result(problems, List.of());
		}
		Map<String, String> changed = changedFiles(read, directory);
		Path scratch = Files.createTempDirectory("intents-import");
		try {
			copy(directory, scratch);
			apply(changed, scratch);
			new KnowledgeLoader(grounding, minExamples, Clock.systemUTC()).load(scratch);
		}
		catch (InvalidKnowledgeException ex) {
			// the workbook passed the checks, so this is a bug in writing the files: say
			// so rather than write them
			problems.addAll(ex.problems());
			return new Result(problems, List.of());
		}
		finally {
			delete(scratch);
		}
		if (write) {
			apply(changed, directory);
		}
		return new Result(problems, write ? List.copyOf(changed.keySet()) : List.of());
	}

	/**
	 * New content per file name (null: delete it), for the files whose intents differ
	 * from the workbook's.
	 */
	private static Map<String, String> changedFiles(IntentWorkbook.Read read, Path directory) throws IOException {
		Map<String, List<Intent>> wanted = new LinkedHashMap<>();
		for (Intent intent : read.intents()) {
			wanted.computeIfAbsent(read.files().get(intent.id()), f -> new ArrayList<>()).add(intent);
		}
		IntentFileParser parser = new IntentFileParser();
		Map<String, String> changed = new LinkedHashMap<>();
		Map<String, Intent> existing = new LinkedHashMap<>();
		for (String file : existingFiles(directory)) {
			IntentFileParser.Parsed parsed = parser.parse(file,
					Files.readString(directory.resolve(file), StandardCharsets.UTF_8));
			if (parsed.departments() != null || !parsed.specifics().isEmpty()) {
				// the department list and the unanswerable asks are not in the workbook:
				// they stay as they are
				continue;
			}
			parsed.intents().forEach(i -> existing.putIfAbsent(i.id(), i));
			if (!wanted.containsKey(file)) {
				changed.put(file, null);
			}
		}
		for (Map.Entry<String, List<Intent>> entry : wanted.entrySet()) {
			Path path = directory.resolve(entry.getKey());
			String current = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
			List<Intent> now = parser.parse(entry.getKey(), current).intents();
			// English text, single facts and keywords are not columns of the workbook: an
			// imported intent keeps its own
			List<Intent> merged = entry.getValue().stream().map(i -> withExtras(i, existing.get(i.id()))).toList();
			if (!sameContent(now, merged)) {
				changed.put(entry.getKey(), IntentYaml.write(IntentYaml.header(current), merged));
			}
		}
		return changed;
	}

	private static Intent withExtras(Intent imported, Intent current) {
		if (current == null) {
			return imported;
		}
		return new Intent(imported.id(), imported.title(), imported.source(), imported.answer(), imported.examples(),
				imported.related(), imported.publicInfo(), imported.origin(), current.english(), current.facts(),
				current.keywords());
	}

	private static boolean sameContent(List<Intent> a, List<Intent> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			Intent x = a.get(i);
			Intent y = b.get(i);
			if (!x.id().equals(y.id()) || !x.title().equals(y.title()) || !Objects.equals(x.source(), y.source())
					|| !x.answer().equals(y.answer()) || !x.examples().equals(y.examples())
					|| !x.related().equals(y.related()) || !x.publicInfo().equals(y.publicInfo())
					|| !Objects.equals(x.english(), y.english()) || !x.facts().equals(y.facts())
					|| !x.keywords().equals(y.keywords())) {
				return false;
			}
		}
		return true;
	}

	private static void apply(Map<String, String> changed, Path directory) throws IOException {
		for (Map.Entry<String, String> file : changed.entrySet()) {
			Path path = directory.resolve(file.getKey());
			if (file.getValue() == null) {
				Files.deleteIfExists(path);
				continue;
			}
			// replaced in one step: the file watcher of a running assistant never sees
			// half a file
			Path temp = path.resolveSibling("." + path.getFileName() + ".tmp");
			Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
			Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
	}

	private static List<String> existingFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile)
				.map(p -> p.getFileName().toString())
				.filter(n -> n.matches("[^.].*\\.ya?ml"))
				.sorted()
				.toList();
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		for (String file : existingFiles(from)) {
			Files.copy(from.resolve(file), to.resolve(file));
		}
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
