package org.qualitymonth.assistant.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.hankcs.hanlp.HanLP;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.util.Version;

/**
 * What a trained classifier was made from, as a SHA-256: the examples (intent and text,
 * in file order), the training settings, and the code that turns a text into features and
 * trains on them (this package's classes, OpenNLP's version and HanLP's jar, whose
 * dictionaries segment the words). Equal fingerprints train the same models: GIS training
 * has no randomness.
 */
final class TrainingFingerprint {

	/**
	 * The classes whose code decides the features and the training; a change to any of
	 * them (a new build that changed them) makes every stored model stale.
	 */
	private static final List<Class<?>> TRAINING_CODE = List.of(IntentClassifier.class, FeatureExtractor.class,
			TextNormalizer.class, ScriptConversion.class, PhraseConverter.class, LabelledFeatures.class);

	private static volatile byte[] code;

	private TrainingFingerprint() {
	}

	static String of(List<Map.Entry<String, String>> examples, NluSettings settings) {
		MessageDigest digest = sha256();
		digest.update(code());
		update(digest, settings.algorithm());
		update(digest, Integer.toString(settings.iterations()));
		update(digest, Double.toString(settings.l2Cost()));
		for (Map.Entry<String, String> example : examples) {
			update(digest, example.getKey());
			update(digest, example.getValue());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The same for every fingerprint of this run: computed once. */
	private static byte[] code() {
		byte[] result = code;
		if (result == null) {
			MessageDigest digest = sha256();
			for (Class<?> type : TRAINING_CODE) {
				update(digest, type.getName());
				digest.update(classBytes(type));
			}
			update(digest, Version.currentVersion().toString());
			update(digest, library(DoccatModel.class));
			update(digest, library(HanLP.class));
			result = digest.digest();
			code = result;
		}
		return result;
	}

	private static byte[] classBytes(Class<?> type) {
		try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
			if (in == null) {
				throw new IllegalStateException("cannot read the class file of " + type.getName());
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The name of the jar a library class comes from, which carries its version. */
	private static String library(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			return type.getName();
		}
		String location = source.getLocation().toString().replaceAll("[!/]+$", "");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** Length-prefixed, so that ("ab", "c") and ("a", "bc") differ. */
	private static void update(MessageDigest digest, String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		digest.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
				(byte) (bytes.length >>> 8), (byte) bytes.length });
		digest.update(bytes);
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
