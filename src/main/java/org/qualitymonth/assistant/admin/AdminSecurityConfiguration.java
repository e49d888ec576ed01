package org.qualitymonth.assistant.admin;

import java.security.SecureRandom;
import java.util.Base64;

import org.qualitymonth.assistant.channel.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what, and the headers every response carries. Only the admin pages, the admin API and the metrics
 * need a login (user {@code admin}): HTTP Basic for scripts and Prometheus, a login form for browsers, CSRF tokens on
 * the admin forms, failed logins throttled per client address. Everything citizens and machines use (the chat page,
 * static files, {@code /api/v1/ask}, {@code /api/v1/feedback}, {@code /telegram/**}, {@code /wechat/**}, the health probes) stays open, and
 * CSRF does not apply to {@code /api/**}, {@code /telegram/**} and {@code /wechat/**}, whose clients hold no session.
 * <p>
 * One Content-Security-Policy per response: everything from the app itself, nothing inline; the public pages may be
 * framed by the sites in {@code bot.web.embed-origins} (the widget), the admin pages by nobody.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	static final String USER = "admin";

	static final String REALM = "Quality Month assistant admin";

	/** What every page of the app needs: its own scripts, styles and images, nothing inline, no plugins. */
	static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain adminFilterChain(HttpSecurity http, LoginThrottle loginThrottle) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName(REALM);
		basic.afterPropertiesSet();
		http.securityMatcher("/admin", "/admin/**", "/api/v1/admin/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(LoginThrottleFilter.LOGIN_PAGE)
				.permitAll()
				// probes for the orchestrator; details (and the metrics) only for the admin
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.addFilterBefore(new LoginThrottleFilter(loginThrottle), UsernamePasswordAuthenticationFilter.class)
			.httpBasic(httpBasic -> httpBasic.realmName(REALM).authenticationEntryPoint(basic))
			.formLogin(form -> form.loginPage(LoginThrottleFilter.LOGIN_PAGE).defaultSuccessUrl("/admin", false).permitAll())
			.logout(logout -> logout.logoutRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST, "/admin/logout"))
				.logoutSuccessUrl("/admin/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY + "; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(basic, path.matcher("/api/v1/admin/**"))
				.defaultAuthenticationEntryPointFor(basic, path.matcher("/actuator/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LoginThrottleFilter.LOGIN_PAGE),
						path.matcher("/admin/**")));
		return http.build();
	}

	/**
	 * {@code /api/**} outside the admin API: the citizens' JSON endpoints, the hottest path of the app. Their clients
	 * hold no session and send no credentials, so this chain keeps only the response headers: no security context, no
	 * session, no request cache, no anonymous user, no authorization filter, no CSRF (about 35 µs of a 180 µs request
	 * went through the full chain; docs/performance.md).
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

	/**
	 * X-Frame-Options is off here: it knows only DENY and SAMEORIGIN and would stop the widget on the sites that
	 * {@code frame-ancestors} lets frame the chat page.
	 */
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

	private static void publicHeaders(HeadersConfigurer<HttpSecurity> headers, WebSettings web) {
		headers.frameOptions(frameOptions -> frameOptions.disable())
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY + "; " + web.frameAncestors()))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/**
	 * No observation around every filter of every request: they cost about 27 µs per request under load, more than the
	 * rest of the chain; the request itself is still timed ({@code http.server.requests}), and logins still observed.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	@Bean
	LoginThrottle loginThrottle(AdminSettings settings) {
		return new LoginThrottle(settings.loginThrottle());
	}

	/** Every failed login, form or HTTP Basic, counts against the address it came from. */
	@Bean
	ApplicationListener<AbstractAuthenticationFailureEvent> loginFailures(LoginThrottle loginThrottle) {
		return event -> {
			if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
				loginThrottle.failed(details.getRemoteAddress());
			}
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService adminUser(AdminSettings settings, PasswordEncoder encoder) {
		String password = settings.password();
		if (!settings.passwordSet()) {
			password = generatePassword();
			// printed once, for the operator starting the app; a configured password is never printed
			log.warn("\n\n  bot.admin.password is not set. Admin login for this run: user '{}', password: {}\n"
					+ "  Set BOT_ADMIN_PASSWORD to choose one.\n", USER, password);
		}
		return new InMemoryUserDetailsManager(
				User.withUsername(USER).password(encoder.encode(password)).roles("ADMIN").build());
	}

	/** 24 random bytes, Base64URL: 32 characters, 192 bits. */
	static String generatePassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
