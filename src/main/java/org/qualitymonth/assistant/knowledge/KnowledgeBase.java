package org.qualitymonth.assistant.knowledge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of all intents. A reload builds a new one and swaps it in whole,
 * so readers never see half a reload.
 */
public final class KnowledgeBase {

	private final String version;

	private final Instant loadedAt;

	private final List<Intent> intents;

	private final Map<String, Intent> byId;

	private final List<Problem> warnings;

	private final Departments departments;

	private final List<SpecificAsk> specifics;

	/**
	 * @param version content hash of the intent files, so caches can key on it
	 * @param loadedAt when this snapshot was built
	 * @param intents every intent including the out-of-scope class, in file order
	 */
	public KnowledgeBase(String version, Instant loadedAt, List<Intent> intents) {
		this(version, loadedAt, intents, List.of());
	}

	/** As above, with the warnings validation raised about these intents. */
	public KnowledgeBase(String version, Instant loadedAt, List<Intent> intents, List<Problem> warnings) {
		this(version, loadedAt, intents, Departments.NONE, List.of(), warnings);
	}

	/** As above, with the department list and the asks the notice cannot answer. */
	public KnowledgeBase(String version, Instant loadedAt, List<Intent> intents, Departments departments,
			List<SpecificAsk> specifics, List<Problem> warnings) {
		this.departments = departments;
		this.specifics = List.copyOf(specifics);
		this.version = version;
		this.warnings = List.copyOf(warnings);
		this.loadedAt = loadedAt;
		this.intents = List.copyOf(intents);
		Map<String, Intent> map = new LinkedHashMap<>();
		this.intents.forEach(i -> map.putIfAbsent(i.id(), i));
		this.byId = Map.copyOf(map);
		if (!byId.containsKey(Intent.OUT_OF_SCOPE)) {
			throw new IllegalArgumentException("the knowledge base needs an '" + Intent.OUT_OF_SCOPE + "' intent");
		}
	}

	public String version() {
		return version;
	}

	public Instant loadedAt() {
		return loadedAt;
	}

	public List<Intent> intents() {
		return intents;
	}

	/**
	 * Doubts about the intents that did not stop them loading (e.g. facts not found in
	 * the notice).
	 */
	public List<Problem> warnings() {
		return warnings;
	}

	/** The organising departments and the others citizens ask about. */
	public Departments departments() {
		return departments;
	}

	/** What citizens ask for that the notice does not say, with the honest replies. */
	public List<SpecificAsk> specifics() {
		return specifics;
	}

	public Optional<Intent> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	public Intent intent(String id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("unknown intent " + id));
	}

	public Intent outOfScope() {
		return byId.get(Intent.OUT_OF_SCOPE);
	}

	/** The intents the bot answers, without the out-of-scope class. */
	public List<Intent> answerable() {
		return intents.stream().filter(i -> !i.isOutOfScope()).toList();
	}

	public int exampleCount() {
		return intents.stream().mapToInt(i -> i.examples().size()).sum();
	}

}
