package org.qualitymonth.assistant.channel.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The security rules of everything citizens and machines use (the chat page, static files, {@code /api/v1/ask},
 * {@code /api/v1/feedback}, {@code /telegram/**}, {@code /wechat/**}): open to all, and CSRF does not apply to
 * {@code /api/**}, {@code /telegram/**} and {@code /wechat/**}, whose clients hold no session. The admin side's chain
 * comes first and claims its own paths. The public pages may be framed by the sites in {@code bot.web.embed-origins}
 * (the widget).
 */
@Configuration(proxyBeanMethods = false)
class PublicSecurityConfiguration {

	/** What every page of the app needs: its own scripts, styles and images, nothing inline, no plugins. */
	static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * X-Frame-Options is off here: it knows only DENY and SAMEORIGIN and would stop the widget on the sites that
	 * {@code frame-ancestors} lets frame the chat page.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain publicFilterChain(HttpSecurity http, WebSettings web) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/telegram/**", "/wechat/**"))
			.httpBasic(httpBasic -> httpBasic.disable())
			.formLogin(form -> form.disable())
			.headers(headers -> headers.frameOptions(frameOptions -> frameOptions.disable())
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY + "; " + web.frameAncestors()))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
