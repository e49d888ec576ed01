package org.qualitymonth.assistant.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.qualitymonth.assistant.querylog.Overview;

/**
 * The overview's charts as SVG geometry, computed here so that the template only places
 * rectangles and lines (no script, no chart library, no CDN, no inline style: the admin
 * pages' Content-Security-Policy allows none of them). Coordinates are in a
 * {@value #HEIGHT}-unit-high box, {@value #COLUMN} units per day.
 */
record OverviewCharts(int width, List<Column> columns, String declinePoints, List<Dot> declineDots) {

	static final int HEIGHT = 100;

	static final int COLUMN = 10;

	/**
	 * One day's stacked column: answered at the bottom, then suggested, then declined.
	 */
	record Column(String date, double x, double answeredY, double answeredHeight, double suggestedY,
			double suggestedHeight, double declinedY, double declinedHeight, String label) {
	}

	/** A day's decline rate, for the line's points and their tooltips. */
	record Dot(double x, double y, String label) {
	}

	static OverviewCharts of(Overview overview) {
		long max = overview.days().stream().mapToLong(Overview.Day::total).max().orElse(0);
		List<Column> columns = new ArrayList<>();
		List<Dot> dots = new ArrayList<>();
		StringBuilder points = new StringBuilder();
		int i = 0;
		for (Overview.Day day : overview.days()) {
			double x = i * COLUMN;
			double a = scale(day.answered(), max);
			double s = scale(day.suggested(), max);
			double d = scale(day.declined(), max);
			String date = day.date().toString();
			columns.add(new Column(date, x + 1, HEIGHT - a, a, HEIGHT - a - s, s, HEIGHT - a - s - d, d, date + ": "
					+ day.total() + " (" + day.answered() + "/" + day.suggested() + "/" + day.declined() + ")"));
			if (day.total() > 0) {
				double rate = (double) day.declined() / day.total();
				double y = HEIGHT - rate * HEIGHT;
				points.append(points.isEmpty() ? "" : " ")
					.append(number(x + COLUMN / 2.0))
					.append(',')
					.append(number(y));
				dots.add(new Dot(x + COLUMN / 2.0, y, date + ": " + Math.round(rate * 100) + "%"));
			}
			i++;
		}
		return new OverviewCharts(Math.max(COLUMN, i * COLUMN), columns, points.toString(), dots);
	}

	private static double scale(long count, long max) {
		return max == 0 ? 0 : count * (double) HEIGHT / max;
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
