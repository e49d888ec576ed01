package org.qualitymonth.assistant.querylog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable local buffer between answering and the database: append-only segment files
 * of JSON lines under {@code <data-dir>/querylog-spool}. An entry is written to the
 * operating system (no fsync per entry) before the citizen gets the reply, so a killed
 * process loses nothing; a segment is deleted only after the database has committed it.
 * Whatever is found here at start-up is replayed.
 */
final class Spool implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Spool.class);

	private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{12})\\.jsonl");

	static final String REJECTED = "rejected.jsonl";

	private final Path directory;

	private final long limitBytes;

	private final JsonMapper json = JsonMapper.builder().build();

	private final FileChannel lockFile;

	private final FileLock lock;

	private boolean closed;

	private long sequence;

	private FileChannel current;

	private Path currentPath;

	private long currentBytes;

	/** Bytes in all segments, including the current one. */
	private long pendingBytes;

	Spool(Path directory, long limitBytes) {
		this.directory = directory;
		this.limitBytes = limitBytes;
		try {
			Files.createDirectories(directory);
			lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			lock = lockOrNull(lockFile);
			if (lock == null) {
				lockFile.close();
				throw new IllegalStateException("Another assistant is using the query log spool in "
						+ directory.toAbsolutePath() + "; every running assistant needs its own bot.data-dir");
			}
			for (Path segment : segments()) {
				sequence = Math.max(sequence, sequenceOf(segment));
				pendingBytes += Files.size(segment);
			}
			openNext();
			syncDirectory();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the query log spool in " + directory.toAbsolutePath(), ex);
		}
	}

	/**
	 * Writes the entry; false when the spool is full or the disk refused it (the entry is
	 * then dropped). The JSON is made before taking the lock, and nothing under the lock
	 * waits for the disk, so answering threads queue only for the write into the page
	 * cache.
	 */
	boolean append(SpoolEntry entry) {
		byte[] line = line(entry);
		synchronized (this) {
			if (current == null && !closed) {
				startNewSegment();
			}
			if (current == null || pendingBytes + line.length > limitBytes) {
				return false;
			}
			try {
				ByteBuffer buffer = ByteBuffer.wrap(line);
				while (buffer.hasRemaining()) {
					current.write(buffer);
				}
				currentBytes += line.length;
				pendingBytes += line.length;
				return true;
			}
			catch (IOException ex) {
				log.warn("Cannot write to the query log spool {}: {}", currentPath, ex.toString());
				// a half-written line must not run into the next entry: continue in a
				// fresh segment
				startNewSegment();
				return false;
			}
		}
	}

	/**
	 * Forces what was appended to the disk; appends go on meanwhile (a FileChannel may be
	 * forced while written).
	 */
	void sync() throws IOException {
		FileChannel channel;
		synchronized (this) {
			channel = currentBytes > 0 ? current : null;
		}
		if (channel != null) {
			try {
				channel.force(false);
			}
			catch (ClosedChannelException rotatedMeanwhile) {
				// rotate() forced it before closing it
			}
		}
	}

	/**
	 * Closes the current segment if it holds anything, so that it can be written to the
	 * database. Appends move to the next segment at once; the closed one is forced to the
	 * disk after the lock is released.
	 */
	void rotate() throws IOException {
		FileChannel full;
		synchronized (this) {
			if (current == null || currentBytes == 0) {
				return;
			}
			full = current;
			current = null;
			try {
				openNext();
			}
			catch (IOException ex) {
				// the full segment is still drained (it is no longer the current path);
				// the next append retries
				full.close();
				throw ex;
			}
		}
		try {
			full.force(false);
		}
		finally {
			full.close();
		}
		syncDirectory();
	}

	/**
	 * Segments waiting for the database, oldest first, without the one being appended to.
	 */
	synchronized List<Path> closedSegments() throws IOException {
		return segments().stream().filter(p -> !p.equals(currentPath)).toList();
	}

	/**
	 * The entries of a closed segment in order, {@code size} at a time, so that a long
	 * segment is never in memory whole; lines that cannot be read (a write cut short by a
	 * crash) are skipped.
	 */
	void read(Path segment, int size, Chunks chunks) throws IOException {
		List<SpoolEntry> chunk = new ArrayList<>(Math.min(size, 1024));
		try (BufferedReader lines = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
			int number = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					chunk.add(json.readValue(line, SpoolEntry.class));
				}
				catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
					log.warn("Skipping unreadable line {} of {} (a write cut short?): {}", number,
							segment.getFileName(), ex.getClass().getSimpleName());
				}
				if (chunk.size() == size) {
					chunks.accept(chunk);
					chunk = new ArrayList<>(Math.min(size, 1024));
				}
			}
		}
		if (!chunk.isEmpty()) {
			chunks.accept(chunk);
		}
	}

	/** Takes the entries of a segment a chunk at a time. */
	@FunctionalInterface
	interface Chunks {

		void accept(List<SpoolEntry> entries) throws IOException;

	}

	/** Forgets a segment after the database has committed it. */
	synchronized void delete(Path segment) throws IOException {
		long size = Files.size(segment);
		Files.delete(segment);
		pendingBytes -= size;
	}

	/**
	 * Keeps entries the database refuses for good, so that they are neither lost nor
	 * retried forever.
	 */
	synchronized void reject(SpoolEntry entry) throws IOException {
		Files.write(directory.resolve(REJECTED), line(entry), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	synchronized long pendingBytes() {
		return pendingBytes;
	}

	Path directory() {
		return directory;
	}

	@Override
	public synchronized void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			if (current != null) {
				current.force(false);
				current.close();
				current = null;
			}
			if (currentBytes == 0 && currentPath != null) {
				Files.deleteIfExists(currentPath);
			}
		}
		finally {
			lock.release();
			lockFile.close();
		}
	}

	private static FileLock lockOrNull(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException heldInThisProcess) {
			return null;
		}
	}

	private byte[] line(SpoolEntry entry) {
		byte[] body = json.writeValueAsBytes(entry);
		byte[] line = Arrays.copyOf(body, body.length + 1);
		line[body.length] = '\n';
		return line;
	}

	private void startNewSegment() {
		try {
			if (current != null) {
				current.close();
			}
		}
		catch (IOException ignored) {
			// closing a channel that just failed may fail too; the next segment is what
			// matters
		}
		current = null;
		try {
			openNext();
		}
		catch (IOException ex) {
			log.warn("Cannot start a new query log spool segment in {}: {}", directory, ex.toString());
		}
	}

	private void openNext() throws IOException {
		sequence++;
		currentPath = directory.resolve("segment-%012d.jsonl".formatted(sequence));
		current = FileChannel.open(currentPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
				StandardOpenOption.APPEND);
		currentBytes = 0;
	}

	/**
	 * Makes the directory entries of new segments survive a crash too; called outside the
	 * append lock.
	 */
	private void syncDirectory() {
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
		catch (IOException ignored) {
			// not every file system lets a directory be synced; the data itself is synced
			// on rotate
		}
	}

	private List<Path> segments() throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList();
		}
	}

	private static long sequenceOf(Path segment) {
		Matcher m = SEGMENT.matcher(segment.getFileName().toString());
		return m.matches() ? Long.parseLong(m.group(1)) : 0;
	}

}
