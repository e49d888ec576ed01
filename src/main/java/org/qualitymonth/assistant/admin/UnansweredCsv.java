package org.qualitymonth.assistant.admin;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.qualitymonth.assistant.querylog.UnansweredGroup;

/**
 * The unanswered list as CSV for Excel: UTF-8 with a byte order mark (without it Excel
 * shows Chinese as mojibake), RFC 4180 quoting, CRLF line ends, and cells that Excel
 * would run as formulas defused.
 */
final class UnansweredCsv {

	static final String HEADER = "text,count,first_seen,last_seen,channels,status,added_to,top_intents,group_id";

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private UnansweredCsv() {
	}

	/**
	 * One row per wording, with the id of its group by meaning in the last column (Excel
	 * can sort by it).
	 */
	static byte[] write(List<ReviewGroup> groups) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
		for (ReviewGroup group : groups) {
			for (UnansweredGroup g : group.wordings()) {
				row(csv, g, group.id(), time);
			}
		}
		byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[BOM.length + body.length];
		System.arraycopy(BOM, 0, out, 0, BOM.length);
		System.arraycopy(body, 0, out, BOM.length, body.length);
		return out;
	}

	private static void row(StringBuilder csv, UnansweredGroup g, String groupId, DateTimeFormatter time) {
		String intents = g.topIntents()
			.stream()
			.map(i -> i.intent() + " (" + String.format(Locale.ROOT, "%.2f", i.probability()) + ")")
			.collect(Collectors.joining("; "));
		csv.append(String.join(",", cell(g.text()), String.valueOf(g.count()), time.format(g.firstSeen()),
				time.format(g.lastSeen()), cell(String.join(" ", g.channels())), g.status().code(),
				cell(g.addedTo() == null ? "" : g.addedTo()), cell(intents), groupId))
			.append("\r\n");
	}

	/**
	 * Quoted when it must be; a leading = + - @ (a formula to Excel) gets a ' in front.
	 */
	static String cell(String value) {
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(v.strip())) {
			v = "\"" + v.replace("\"", "\"\"") + "\"";
		}
		return v;
	}

}
