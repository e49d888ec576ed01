package org.qualitymonth.assistant.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A government department a citizen may ask about, by its full name or an everyday one.
 *
 * @param name the name as the notice writes it (organisers) or the usual full name
 * (others)
 * @param nameEn the English name, or null
 * @param aliases everyday short names and older names ("发改委", "国家计委")
 * @param organizer whether it is one of the notice's 16 organising departments
 * @param origin where staff wrote it
 */
public record Department(String name, String nameEn, List<String> aliases, boolean organizer, Intent.Origin origin) {

	public Department {
		Objects.requireNonNull(name, "name");
		aliases = List.copyOf(aliases);
	}

	/** The name and every alias: all the ways a question may name it. */
	public List<String> names() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
	}

}
