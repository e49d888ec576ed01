package org.qualitymonth.assistant.nlu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import opennlp.tools.doccat.DoccatModel;

/**
 * The file a trained classifier is kept in: a header (magic number, format, the
 * {@link TrainingFingerprint} it was trained for), then the models and the examples'
 * features with their SHA-256, so that a torn or altered file is refused instead of read
 * as a model.
 */
final class ModelFile {

	private static final int MAGIC = 0x514d4943;

	/** Raised when the layout below changes; an older file is then stale. */
	private static final int FORMAT = 1;

	/**
	 * Far above the few megabytes of real models: a damaged length is refused, not
	 * allocated.
	 */
	private static final int MAX_PAYLOAD = 512 * 1024 * 1024;

	private ModelFile() {
	}

	/**
	 * Writes to a temporary file and renames it over the old one: readers see the old
	 * file or the new one, never a half-written one.
	 */
	static void write(Path file, String fingerprint, TrainedModels models) throws IOException {
		byte[] payload = payload(models);
		Files.createDirectories(file.getParent());
		Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		try {
			try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temporary))) {
				out.writeInt(MAGIC);
				out.writeInt(FORMAT);
				out.writeUTF(fingerprint);
				out.writeInt(payload.length);
				out.write(TrainingFingerprint.sha256().digest(payload));
				out.write(payload);
			}
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * The models in {@code file} when they were trained for {@code fingerprint}; empty
	 * when they were trained for another.
	 * @throws IOException when the file cannot be read or is not a whole, unaltered model
	 * file
	 */
	static Optional<TrainedModels> read(Path file, String fingerprint) throws IOException {
		try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
			if (in.readInt() != MAGIC) {
				throw new IOException("not a model file");
			}
			int format = in.readInt();
			if (format != FORMAT || !fingerprint.equals(in.readUTF())) {
				return Optional.empty();
			}
			int length = in.readInt();
			if (length < 0 || length > MAX_PAYLOAD) {
				throw new IOException("damaged length " + length);
			}
			byte[] checksum = in.readNBytes(32);
			byte[] payload = in.readNBytes(length);
			if (payload.length != length || in.read() != -1) {
				throw new IOException(
						"the file is " + (payload.length != length ? "truncated" : "longer than written"));
			}
			if (!MessageDigest.isEqual(checksum, TrainingFingerprint.sha256().digest(payload))) {
				throw new IOException("checksum mismatch");
			}
			return Optional.of(models(payload));
		}
	}

	private static byte[] payload(TrainedModels models) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			writeModel(out, models.scope());
			writeModel(out, models.intents());
			out.writeInt(models.examples().size());
			for (LabelledFeatures example : models.examples()) {
				out.writeUTF(example.label());
				out.writeInt(example.features().size());
				for (String feature : example.features()) {
					out.writeUTF(feature);
				}
			}
		}
		return bytes.toByteArray();
	}

	private static TrainedModels models(byte[] payload) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
		DoccatModel scope = readModel(in);
		DoccatModel intents = readModel(in);
		int count = in.readInt();
		List<LabelledFeatures> examples = new ArrayList<>(Math.min(count, 100_000));
		for (int i = 0; i < count; i++) {
			String label = in.readUTF();
			int size = in.readInt();
			List<String> features = new ArrayList<>(Math.min(size, 10_000));
			for (int f = 0; f < size; f++) {
				features.add(in.readUTF());
			}
			examples.add(new LabelledFeatures(label, features));
		}
		return new TrainedModels(scope, intents, examples);
	}

	private static void writeModel(DataOutputStream out, DoccatModel model) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		model.serialize(bytes);
		out.writeInt(bytes.size());
		bytes.writeTo(out);
	}

	private static DoccatModel readModel(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IOException("damaged model length " + length);
		}
		InputStream model = new ByteArrayInputStream(in.readNBytes(length));
		return new DoccatModel(model);
	}

}
