package org.qualitymonth.assistant.channel.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP channel settings ({@code bot.web.*}).
 *
 * @param maxTextLength the longest question accepted, in characters
 * @param maxBodyBytes the largest request body read at all; larger ones are refused
 * before parsing
 * @param embedOrigins the sites allowed to show the chat page in a frame (the embeddable
 * widget): {@code self} and/or origins such as {@code https://www.samr.gov.cn} or
 * {@code https://*.gov.cn}; sent as the {@code frame-ancestors} directive
 */
@ConfigurationProperties("bot.web")
public record WebSettings(@DefaultValue("500") int maxTextLength, @DefaultValue("16384") int maxBodyBytes,
		@DefaultValue("self") List<String> embedOrigins) {

	// Scheme, optional leading wildcard label, host, optional port: nothing that could
	// end the header directive.
	private static final Pattern ORIGIN = Pattern
		.compile("https?://(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?");

	public WebSettings {
		embedOrigins = embedOrigins == null || embedOrigins.isEmpty() ? List.of("'self'")
				: embedOrigins.stream().map(WebSettings::source).distinct().toList();
		if (embedOrigins.contains("'none'") && embedOrigins.size() > 1) {
			throw new IllegalArgumentException("bot.web.embed-origins: 'none' cannot be combined with other origins");
		}
	}

	/**
	 * The {@code frame-ancestors} directive for the embed policy, e.g.
	 * {@code frame-ancestors 'self' https://a.gov.cn}.
	 */
	public String frameAncestors() {
		return "frame-ancestors " + String.join(" ", embedOrigins);
	}

	private static String source(String configured) {
		String value = configured.strip().toLowerCase(Locale.ROOT);
		if (value.equals("self") || value.equals("'self'")) {
			return "'self'";
		}
		if (value.equals("none") || value.equals("'none'")) {
			return "'none'";
		}
		String origin = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
		if (!ORIGIN.matcher(origin).matches()) {
			throw new IllegalArgumentException("bot.web.embed-origins: \"" + configured
					+ "\" is not an origin; use self, none or scheme://host[:port] such as https://www.example.gov.cn");
		}
		return origin;
	}

}
