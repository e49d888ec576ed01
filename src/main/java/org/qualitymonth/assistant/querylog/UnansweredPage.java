package org.qualitymonth.assistant.querylog;

import java.util.List;

/**
 * The answer to an {@link UnansweredFilter}.
 *
 * @param filter what was asked for
 * @param total how many groups match, of which at most {@code filter.limit()} are in
 * {@code groups}
 * @param groups most asked first
 */
public record UnansweredPage(UnansweredFilter filter, long total, List<UnansweredGroup> groups) {

	public UnansweredPage {
		groups = List.copyOf(groups);
	}

}
