package org.qualitymonth.assistant.knowledge;

import java.util.List;

/**
 * The closed list of organising departments, with the departments citizens often ask
 * about that are not on it, and the replies staff wrote for both cases ({@code {name}} is
 * replaced).
 *
 * @param asks words that ask whether a department takes part ("参加", "主办", "之一")
 * @param yes reply for an organiser
 * @param no reply for a department not on the list
 * @param yesEn the same in English ({@code {name_en}} and {@code {name}})
 * @param noEn the same in English
 * @param source where in the notice the list is
 * @param intent the intent whose answer holds the whole list (details of the reply)
 */
public record Departments(List<Department> departments, List<String> asks, String yes, String no, String yesEn,
		String noEn, String source, String intent) {

	public static final Departments NONE = new Departments(List.of(), List.of(), "", "", null, null, null, null);

	public Departments {
		departments = List.copyOf(departments);
		asks = List.copyOf(asks);
	}

	public List<Department> organizers() {
		return departments.stream().filter(Department::organizer).toList();
	}

}
