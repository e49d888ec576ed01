package org.qualitymonth.assistant.querylog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
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
@Validated
public record QueryLogSettings(
		@DurationMin(nanos = 1,
				message = "bot.query-log.retention" + POSITIVE) @DefaultValue("180d") Duration retention,
		@DurationMin(nanos = 1,
				message = "bot.query-log.purge-interval" + POSITIVE) @DefaultValue("6h") Duration purgeInterval,
		@DurationMin(nanos = 1,
				message = "bot.query-log.flush-interval" + POSITIVE) @DefaultValue("1s") Duration flushInterval,
		@DefaultValue("256MB") DataSize spoolLimit, String salt, @DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("caiyugang@samr.gov.cn") List<String> publicEmails, @DefaultValue("1GB") DataSize maxSize) {

	private static final String POSITIVE = " must be a positive duration such as 180d or 30s";

	public QueryLogSettings {
		publicEmails = publicEmails == null ? List.of() : List.copyOf(publicEmails);
	}

	/* Bean Validation has no constraint for a DataSize: these two check its bytes. */

	@AssertTrue(message = "bot.query-log.spool-limit must be at least 1KB")
	boolean isSpoolLimitAtLeast1KB() {
		return spoolLimit != null && spoolLimit.toBytes() >= DataSize.ofKilobytes(1).toBytes();
	}

	@AssertTrue(message = "bot.query-log.max-size must be at least 1MB")
	boolean isMaxSizeAtLeast1MB() {
		return maxSize != null && maxSize.toBytes() >= DataSize.ofMegabytes(1).toBytes();
	}

	/** Never shows the salt, wherever the settings end up being printed. */
	@Override
	public String toString() {
		return "QueryLogSettings[retention=" + retention + ", purgeInterval=" + purgeInterval + ", flushInterval="
				+ flushInterval + ", spoolLimit=" + spoolLimit + ", salt="
				+ (salt == null || salt.isBlank() ? "(generated)" : "(set)") + ", zone=" + zone + ", publicEmails="
				+ publicEmails + ", maxSize=" + maxSize + "]";
	}

}
