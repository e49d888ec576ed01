package org.qualitymonth.assistant.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.qualitymonth.assistant.knowledge.ExampleFileEditor;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Add as example of intent X": appends the question to that intent's file, checks the
 * whole directory as the loader would, and reloads so the bot answers with it at once.
 * Any failure puts the file back as it was.
 */
final class IntentExamples {

	private static final Logger log = LoggerFactory.getLogger(IntentExamples.class);

	static final int MAX_LENGTH = 500;

	private final KnowledgeReloader reloader;

	private final KnowledgeLoader validator;

	private final ExampleFileEditor editor = new ExampleFileEditor();

	/**
	 * What happened; {@code messageKey} names the text shown to staff, with {@code args}.
	 */
	record Result(boolean added, String messageKey, List<Object> args, List<Problem> problems) {

		Result {
			args = List.copyOf(args);
			problems = List.copyOf(problems);
		}

		static Result ok(String key, Object... args) {
			return new Result(true, key, List.of(args), List.of());
		}

		static Result refused(String key, List<Problem> problems, Object... args) {
			return new Result(false, key, List.of(args), problems);
		}

	}

	private final org.qualitymonth.assistant.knowledge.KnowledgeEdits edits;

	IntentExamples(KnowledgeReloader reloader, KnowledgeLoader validator) {
		this(reloader, validator, org.qualitymonth.assistant.knowledge.KnowledgeEdits.IN_THIS_PROCESS);
	}

	/**
	 * With {@code edits} serialising the edit against other replicas' (replicated mode).
	 */
	IntentExamples(KnowledgeReloader reloader, KnowledgeLoader validator,
			org.qualitymonth.assistant.knowledge.KnowledgeEdits edits) {
		this.reloader = reloader;
		this.validator = validator;
		this.edits = edits;
	}

	synchronized Result add(String intentId, String example) {
		return add(intentId, List.of(example == null ? "" : example));
	}

	/**
	 * Adds every example to the intent in one edit of its file: one check, one reload,
	 * and all or none of them (a review group added as a whole).
	 */
	synchronized Result add(String intentId, List<String> examples) {
		return edits.serialised(() -> addNow(intentId, examples));
	}

	private Result addNow(String intentId, List<String> examples) {
		List<String> texts = examples.stream().map(String::strip).distinct().toList();
		if (texts.isEmpty() || texts.stream().anyMatch(IntentExamples::badText)) {
			return Result.refused("admin.example.badText", List.of(), MAX_LENGTH);
		}
		Path directory = reloader.directory();
		try {
			for (Path file : intentFiles(directory)) {
				byte[] original = Files.readAllBytes(file);
				String content = new String(original, StandardCharsets.UTF_8);
				Optional<ExampleFileEditor.Edit> edit = Optional.empty();
				int firstNewLine = 0;
				for (String text : texts) {
					Optional<ExampleFileEditor.Edit> next = editor.addExample(content, intentId, text);
					if (next.isEmpty()) {
						break;
					}
					if (!next.get().alreadyThere() && firstNewLine == 0) {
						firstNewLine = next.get().line();
					}
					content = next.get().content();
					edit = Optional.of(new ExampleFileEditor.Edit(content,
							firstNewLine > 0 ? firstNewLine : next.get().line(), firstNewLine == 0));
				}
				if (edit.isPresent()) {
					return apply(directory, file, original, edit.get(), intentId);
				}
			}
			return Result.refused("admin.example.noIntent", List.of(), intentId);
		}
		catch (ExampleFileEditor.CannotEditException ex) {
			return Result.refused("admin.example.cannotEdit", List.of(), intentId, ex.getMessage());
		}
		catch (IOException ex) {
			log.warn("Adding an example to {} failed: {}", intentId, ex.toString());
			return Result.refused("admin.example.ioError", List.of(), ex.getMessage());
		}
	}

	private static boolean badText(String text) {
		return text.isEmpty() || text.length() > MAX_LENGTH || text.contains("\n") || text.contains("\r");
	}

	private Result apply(Path directory, Path file, byte[] original, ExampleFileEditor.Edit edit, String intentId)
			throws IOException {
		String name = directory.relativize(file).toString();
		if (edit.alreadyThere()) {
			return Result.ok("admin.example.already", intentId, name, edit.line());
		}
		write(file, edit.content().getBytes(StandardCharsets.UTF_8));
		try {
			validator.load(directory);
		}
		catch (InvalidKnowledgeException ex) {
			write(file, original);
			return Result.refused("admin.example.invalid", ex.problems(), intentId);
		}
		catch (RuntimeException ex) {
			write(file, original);
			throw ex;
		}
		if (!reloader.reload()) {
			// the files were valid, so training failed: put the file back and serve what
			// served before
			write(file, original);
			reloader.reload();
			return Result.refused("admin.example.reloadFailed", List.of(), intentId);
		}
		log.info("Admin added an example to intent {} ({}:{}); knowledge base {} serving", intentId, name, edit.line(),
				reloader.status().version());
		return Result.ok("admin.example.added", intentId, name, edit.line());
	}

	/**
	 * Replaces the file in one step, so neither the loader nor a file watcher ever sees
	 * half of it.
	 */
	private static void write(Path file, byte[] content) throws IOException {
		Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
		Files.write(temp, content);
		try {
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.nio.file.AtomicMoveNotSupportedException ex) {
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static List<Path> intentFiles(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml"))
				.sorted()
				.toList();
		}
	}

}
