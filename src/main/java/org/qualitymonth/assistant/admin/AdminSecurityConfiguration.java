package org.qualitymonth.assistant.admin;

import java.security.SecureRandom;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach the admin side, and the headers its responses carry. The admin pages, the
 * admin API and the metrics need a login (user {@code admin}): HTTP Basic for scripts and
 * Prometheus, a login form for browsers, CSRF tokens on the admin forms, failed logins
 * throttled per client address; the health probes stay open. Everything else is the
 * channels' ({@code channel/web/PublicSecurityConfiguration}), which this chain comes
 * before.
 * <p>
 * One Content-Security-Policy per response: everything from the app itself, nothing
 * inline; the admin pages may be framed by nobody.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	static final String USER = "admin";

	static final String REALM = "Quality Month assistant admin";

	/**
	 * What every page of the app needs: its own scripts, styles and images, nothing
	 * inline, no plugins (the public pages' policy has the same base; SecurityHeadersTest
	 * checks both).
	 */
	static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain adminFilterChain(HttpSecurity http, LoginThrottle loginThrottle, JsonMapper json)
			throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName(REALM);
		basic.afterPropertiesSet();
		// scripts and Prometheus get the challenge with an RFC 9457 problem, like every
		// other API error
		AuthenticationEntryPoint apiLogin = (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
			ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "log in as " + USER + " (HTTP Basic)", json);
		};
		RequestMatcher api = new OrRequestMatcher(path.matcher("/api/v1/admin/**"), path.matcher("/actuator/**"));
		AuthenticationEntryPoint wrongCredentials = (request, response, ex) -> (api.matches(request) ? apiLogin : basic)
			.commence(request, response, ex);
		AccessDeniedHandler apiDenied = (request, response, ex) -> ApiProblems.write(response, HttpStatus.FORBIDDEN,
				"not allowed for this login", json);
		http.securityMatcher("/admin", "/admin/**", "/api/v1/admin/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(LoginThrottleFilter.LOGIN_PAGE)
				.permitAll()
				// probes for the orchestrator; details (and the metrics) only for the
				// admin
				.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.addFilterBefore(new LoginThrottleFilter(loginThrottle, json), UsernamePasswordAuthenticationFilter.class)
			.httpBasic(httpBasic -> httpBasic.realmName(REALM).authenticationEntryPoint(wrongCredentials))
			.formLogin(form -> form.loginPage(LoginThrottleFilter.LOGIN_PAGE)
				.defaultSuccessUrl("/admin", false)
				.permitAll())
			.logout(logout -> logout
				.logoutRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST, "/admin/logout"))
				.logoutSuccessUrl("/admin/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY + "; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.exceptionHandling(
					errors -> errors.defaultAuthenticationEntryPointFor(apiLogin, path.matcher("/api/v1/admin/**"))
						.defaultAuthenticationEntryPointFor(apiLogin, path.matcher("/actuator/**"))
						.defaultAccessDeniedHandlerFor(apiDenied, path.matcher("/api/v1/admin/**"))
						.defaultAuthenticationEntryPointFor(
								new LoginUrlAuthenticationEntryPoint(LoginThrottleFilter.LOGIN_PAGE),
								path.matcher("/admin/**")));
		return http.build();
	}

	@Bean
	LoginThrottle loginThrottle(AdminSettings settings) {
		return new LoginThrottle(settings.loginThrottle());
	}

	/**
	 * Every failed login, form or HTTP Basic, counts against the address it came from.
	 */
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
			// printed once, for the operator starting the app; a configured password is
			// never printed
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
