package org.qualitymonth.assistant.querylog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Query log settings ({@code bot.query-log.*}). The database itself is configured with
 * the usual {@code spring.datasource.*}; without a URL the log lives in an H2 file under
 * {@code bot.data-dir}.
 *
 * @param retention records older than this are purged
 * @param purgeInterval how often the purge runs
 * @param flushInterval how often spooled records are written to the database
 * @param spoolLimit the most the on-disk spool may hold while the database is away;
 * beyond it new records are dropped (and counted) rather than filling the disk
 * @param salt secret mixed into the pseudonyms of users (env {@code BOT_QUERYLOG_SALT});
 * when unset one is generated once and kept in {@code bot.data-dir}
 * @param zone the time zone that days are counted in
 * @param publicEmails addresses that are published (e.g. in the notice) and so are not
 * masked
 * @param maxSize the most the questions may take in the database (table and indexes, as
 * the database counts them); beyond it the oldest are deleted, whatever their age
 * (counted in {@code querylog.purged.size})
 */
@ConfigurationProperties("bot.query-log")
public record QueryLogSettings(@DefaultValue("180d") Duration retention, @DefaultValue("6h") Duration purgeInterval,
		@DefaultValue("1s") Duration flushInterval, @DefaultValue("256MB") DataSize spoolLimit, String salt,
		@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("caiyugang@samr.gov.cn") List<String> publicEmails,
		@DefaultValue("1GB") DataSize maxSize) {

	public QueryLogSettings {
		requirePositive(retention, "bot.query-log.retention");
		requirePositive(purgeInterval, "bot.query-log.purge-interval");
		requirePositive(flushInterval, "bot.query-log.flush-interval");
		if (spoolLimit == null || spoolLimit.toBytes() < 1024) {
			throw new IllegalArgumentException("bot.query-log.spool-limit must be at least 1KB, was " + spoolLimit);
		}
		publicEmails = publicEmails == null ? List.of() : List.copyOf(publicEmails);
		if (maxSize == null || maxSize.toBytes() < DataSize.ofMegabytes(1).toBytes()) {
			throw new IllegalArgumentException("bot.query-log.max-size must be at least 1MB, was " + maxSize);
		}
	}

	/** Never shows the salt, wherever the settings end up being printed. */
	@Override
	public String toString() {
		return "QueryLogSettings[retention=" + retention + ", purgeInterval=" + purgeInterval + ", flushInterval="
				+ flushInterval + ", spoolLimit=" + spoolLimit + ", salt="
				+ (salt == null || salt.isBlank() ? "(generated)" : "(set)") + ", zone=" + zone + ", publicEmails="
				+ publicEmails + ", maxSize=" + maxSize + "]";
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be a positive duration such as 180d or 30s, was " + value);
		}
	}

}
