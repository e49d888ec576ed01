package org.qualitymonth.assistant.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator: sends {@code POST /api/v1/ask} at a fixed rate whatever the server
 * does, and measures each latency from the moment the request was due, not from when it was sent,
 * so a stalled server shows in the percentiles (wrk measures a closed loop; wrk2 is not packaged
 * in Debian). In {@code mix} mode the questions are drawn like the wrk script's mix (half from the
 * 50 most popular, half from all of them) and asked in sessions of four; in {@code walk} mode they
 * are taken in file order without a session, so each is exactly one miss of the answer cache.
 */
public final class FixedRateLoad {

	/** How many of the questions are "popular": asked again and again by many citizens. */
	static final int POPULAR = 50;

	/** Questions asked in one session before the next session starts, as the wrk script does. */
	static final int QUESTIONS_PER_SESSION = 4;

	private FixedRateLoad() {
	}

	/** Index of the next question of the mix. */
	static int pick(Random random, int size) {
		return random.nextBoolean() ? random.nextInt(Math.min(POPULAR, size)) : random.nextInt(size);
	}

	/** The {@code p}-th percentile (0..100) of sorted values, nearest rank. */
	static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	/** Arguments: url, questions file (one JSON string per line), mix or walk, rate per second, seconds, warm-up seconds. */
	public static void main(String[] args) throws IOException, InterruptedException {
		if (args.length < 5) {
			System.err.println(
					"usage: FixedRateLoad <url> <questions-file> <mix|walk> <requests-per-second> <seconds> [warmup-seconds]");
			System.exit(2);
		}
		URI uri = URI.create(args[0]);
		List<String> questions = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)
			.stream()
			.filter(l -> !l.isBlank())
			.toList();
		boolean walk = switch (args[2]) {
			case "mix" -> false;
			case "walk" -> true;
			default -> throw new IllegalArgumentException("mode must be mix or walk, not " + args[2]);
		};
		int rate = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		int warmupSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 0;
		if (questions.isEmpty() || rate <= 0 || seconds <= 0 || warmupSeconds < 0) {
			throw new IllegalArgumentException("need questions, a positive rate and a positive duration");
		}
		int warmup = warmupSeconds * rate;
		int total = warmup + seconds * rate;
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long[] latencies = new long[total];
		AtomicInteger failures = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(total);
		ExecutorService executor = Executors.newFixedThreadPool(4);
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(executor)
			.build();
		Random random = new Random(BenchmarkQuestions.SEED);
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		for (int i = 0; i < total; i++) {
			int question = walk ? i % questions.size() : pick(random, questions.size());
			String body = "{\"text\":" + questions.get(question)
					+ (walk ? "}" : ",\"sessionId\":\"fixed-" + (i / QUESTIONS_PER_SESSION) + "\"}");
			HttpRequest request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build();
			long due = start + i * period;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			int slot = i;
			client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
				latencies[slot] = System.nanoTime() - due;
				if (error != null || response.statusCode() != 200) {
					failures.incrementAndGet();
				}
				done.countDown();
			});
		}
		long sentIn = System.nanoTime() - start;
		boolean finished = done.await(60, TimeUnit.SECONDS);
		executor.shutdownNow();
		long[] measured = Arrays.copyOfRange(latencies, warmup, total);
		Arrays.sort(measured);
		System.out.printf("fixed rate (%s): %d req/s for %d s (after %d s warm-up), %d requests, sent in %.1f s, %d failed%s%n",
				args[2], rate, seconds, warmupSeconds, measured.length, sentIn / 1e9, failures.get(),
				finished ? "" : ", some never answered");
		System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
				percentile(measured, 50) / 1e6, percentile(measured, 90) / 1e6, percentile(measured, 99) / 1e6,
				percentile(measured, 99.9) / 1e6, percentile(measured, 100) / 1e6);
		if (failures.get() > 0 || !finished) {
			System.exit(1);
		}
	}

}
