package org.qualitymonth.assistant.channel.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security rules of everything citizens and machines use (the chat page, static
 * files, {@code /api/v1/ask}, {@code /api/v1/feedback}, {@code /telegram/**},
 * {@code /wechat/**}): open to all, and CSRF does not apply to {@code /api/**},
 * {@code /telegram/**} and {@code /wechat/**}, whose clients hold no session. The admin
 * side's chain comes first and claims its own paths. The public pages may be framed by
 * the sites in {@code bot.web.embed-origins} (the widget).
 */
@Configuration(proxyBeanMethods = false)
class PublicSecurityConfiguration {

	/**
	 * What every page of the app needs: its own scripts, styles and images, nothing
	 * inline, no plugins.
	 */
	static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * {@code /api/**} outside the admin API (whose chain comes first): the citizens' JSON
	 * endpoints, the hottest path of the app. Their clients hold no session and send no
	 * credentials, so this chain keeps only the response headers: no security context, no
	 * session, no request cache, no anonymous user, no authorization filter, no CSRF
	 * (about 35 µs of a 180 µs request went through the full chain; docs/performance.md).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain apiFilterChain(HttpSecurity http, WebSettings web) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.httpBasic(httpBasic -> httpBasic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.anonymous(anonymous -> anonymous.disable())
			.requestCache(cache -> cache.disable())
			.sessionManagement(sessions -> sessions.disable())
			.securityContext(context -> context.disable())
			.servletApi(servletApi -> servletApi.disable())
			.exceptionHandling(errors -> errors.disable())
			.headers(headers -> publicHeaders(headers, web));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain publicFilterChain(HttpSecurity http, WebSettings web) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/telegram/**", "/wechat/**"))
			.httpBasic(httpBasic -> httpBasic.disable())
			.formLogin(form -> form.disable())
			.headers(headers -> publicHeaders(headers, web));
		return http.build();
	}

	/**
	 * X-Frame-Options is off here: it knows only DENY and SAMEORIGIN and would stop the
	 * widget on the sites that {@code frame-ancestors} lets frame the chat page.
	 */
	private static void publicHeaders(HeadersConfigurer<HttpSecurity> headers, WebSettings web) {
		headers.frameOptions(frameOptions -> frameOptions.disable())
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY + "; " + web.frameAncestors()))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/**
	 * No observation around every filter of every request: they cost about 27 µs per
	 * request under load, more than the rest of the chain; the request itself is still
	 * timed ({@code http.server.requests}), and logins still observed.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

}
