package org.qualitymonth.assistant.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.TestDataDirectory;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding examples to a copy of the shipped intent files, with the real loader and
 * reloader.
 */
class IntentExamplesTest {

	@TempDir
	Path intents;

	final AtomicReference<KnowledgeBase> serving = new AtomicReference<>();

	KnowledgeReloader reloader;

	IntentExamples examples;

	@BeforeEach
	void copyTheShippedIntents() throws IOException {
		TestDataDirectory.copyIntents(intents);
		KnowledgeLoader loader = KnowledgeLoader.forNotice(Path.of("seeds/000_6176395c013b77c3.txt"), 10,
				Clock.systemUTC());
		reloader = new KnowledgeReloader(loader, intents, serving::set, Clock.systemUTC());
		assertThat(reloader.reload()).isTrue();
		examples = new IntentExamples(reloader, loader);
	}

	@Test
	void appendsTheExampleAndTheReloadedKnowledgeBaseHasIt() throws IOException {
		KnowledgeBase before = serving.get();
		IntentExamples.Result result = examples.add("contact_fax", "传真号码能告诉我一下吗");
		assertThat(result.added()).isTrue();
		assertThat(result.messageKey()).isEqualTo("admin.example.added");
		assertThat(result.args()).first().isEqualTo("contact_fax");
		assertThat(Files.readString(intents.resolve("80_contact.yaml"), StandardCharsets.UTF_8))
			.contains("\n      - 传真号码能告诉我一下吗\n");
		assertThat(serving.get()).isNotSameAs(before);
		assertThat(serving.get().version()).isNotEqualTo(before.version());
		assertThat(serving.get().intent("contact_fax").examples()).endsWith("传真号码能告诉我一下吗");
		try (Stream<Path> files = Files.list(intents)) {
			assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
		}
	}

	@Test
	void putsTheFileBackWhenTheExampleBelongsToAnotherIntent() throws IOException {
		byte[] original = Files.readAllBytes(intents.resolve("80_contact.yaml"));
		KnowledgeBase before = serving.get();
		IntentExamples.Result result = examples.add("contact_fax", "联系人是谁");
		assertThat(result.added()).isFalse();
		assertThat(result.messageKey()).isEqualTo("admin.example.invalid");
		assertThat(result.problems()).isNotEmpty()
			.anySatisfy(p -> assertThat(p.chinese()).contains("联系人是谁").contains("contact_person"));
		assertThat(Files.readAllBytes(intents.resolve("80_contact.yaml"))).isEqualTo(original);
		assertThat(serving.get()).isSameAs(before);
	}

	@Test
	void changesNothingForAnExampleAlreadyThere() throws IOException {
		byte[] original = Files.readAllBytes(intents.resolve("80_contact.yaml"));
		IntentExamples.Result result = examples.add("contact_person", "联系人是谁");
		assertThat(result.added()).isTrue();
		assertThat(result.messageKey()).isEqualTo("admin.example.already");
		assertThat(Files.readAllBytes(intents.resolve("80_contact.yaml"))).isEqualTo(original);
	}

	@Test
	void refusesAnUnknownIntentAndUnusableText() {
		assertThat(examples.add("no_such_intent", "问题").messageKey()).isEqualTo("admin.example.noIntent");
		assertThat(examples.add("contact_fax", "  ").messageKey()).isEqualTo("admin.example.badText");
		assertThat(examples.add("contact_fax", "一行\n两行").messageKey()).isEqualTo("admin.example.badText");
		assertThat(examples.add("contact_fax", "长".repeat(IntentExamples.MAX_LENGTH + 1)).messageKey())
			.isEqualTo("admin.example.badText");
	}

}
