package org.qualitymonth.assistant.nlu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.qualitymonth.assistant.knowledge.KnowledgeBase;

/**
 * Trains a classifier once per set of examples and keeps it in a file: a start (or a
 * reload) whose examples, settings and code match the file's {@link TrainingFingerprint}
 * reads the models back in a fraction of a second instead of training for seconds. A file
 * made for anything else, or one that cannot be read whole, is ignored, and the models
 * are trained and the file replaced.
 */
public final class TrainedModelCache {

	private static final Logger log = LoggerFactory.getLogger(TrainedModelCache.class);

	static final String FILE_NAME = "classifier.bin";

	private final Path file;

	private final NluSettings settings;

	private final BiFunction<List<Map.Entry<String, String>>, NluSettings, TrainedModels> trainer;

	/**
	 * @param directory where the file is kept ({@code <bot.data-dir>/models}); made when
	 * missing
	 */
	public TrainedModelCache(Path directory, NluSettings settings) {
		this(directory, settings, IntentClassifier::trainModels);
	}

	TrainedModelCache(Path directory, NluSettings settings,
			BiFunction<List<Map.Entry<String, String>>, NluSettings, TrainedModels> trainer) {
		this.file = directory.resolve(FILE_NAME);
		this.settings = settings;
		this.trainer = trainer;
	}

	/** A classifier trained on all examples of {@code knowledge}. */
	public IntentClassifier classifierFor(KnowledgeBase knowledge) {
		return classifierFor(IntentClassifier.examplesOf(knowledge));
	}

	IntentClassifier classifierFor(List<Map.Entry<String, String>> examples) {
		long start = System.nanoTime();
		String fingerprint = TrainingFingerprint.of(examples, settings);
		Optional<TrainedModels> stored = stored(fingerprint);
		if (stored.isPresent()) {
			log.info("Trained models for these examples read from {} in {} ms", file, millisSince(start));
			return IntentClassifier.of(stored.get());
		}
		TrainedModels trained = trainer.apply(examples, settings);
		try {
			ModelFile.write(file, fingerprint, trained);
			log.info("Models trained on {} examples in {} ms and kept in {}", examples.size(), millisSince(start),
					file);
		}
		catch (IOException | RuntimeException ex) {
			// the models serve all the same; the next start trains again
			log.warn("Could not keep the trained models in {}: {}", file, ex.toString());
		}
		return IntentClassifier.of(trained);
	}

	private Optional<TrainedModels> stored(String fingerprint) {
		if (!Files.exists(file)) {
			log.info("No trained models in {} yet: training", file);
			return Optional.empty();
		}
		try {
			Optional<TrainedModels> models = ModelFile.read(file, fingerprint);
			if (models.isEmpty()) {
				log.info("The models in {} were trained on other examples, settings or code: training anew", file);
			}
			return models;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("The models in {} cannot be read ({}): training anew and replacing them", file, ex.toString());
			return Optional.empty();
		}
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
