package org.qualitymonth.assistant.admin;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Only the admin pages and API need a login (user {@code admin}): HTTP Basic for scripts, a login form for
 * browsers, CSRF tokens on the admin forms. Everything citizens and machines use (the chat page, static files,
 * {@code /api/v1/ask}, {@code /api/v1/feedback}, {@code /telegram/**}, health) stays open, and CSRF does not
 * apply to {@code /api/**} and {@code /telegram/**}, whose clients hold no session.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	static final String USER = "admin";

	static final String REALM = "Quality Month assistant admin";

	private static final Logger log = LoggerFactory.getLogger(AdminSecurityConfiguration.class);

	@Bean
	@Order(1)
	SecurityFilterChain adminFilterChain(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName(REALM);
		basic.afterPropertiesSet();
		http.securityMatcher("/admin", "/admin/**", "/api/v1/admin/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/login")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic(httpBasic -> httpBasic.realmName(REALM).authenticationEntryPoint(basic))
			.formLogin(form -> form.loginPage("/admin/login").defaultSuccessUrl("/admin", false).permitAll())
			.logout(logout -> logout.logoutRequestMatcher(path.matcher(org.springframework.http.HttpMethod.POST, "/admin/logout"))
				.logoutSuccessUrl("/admin/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(basic, path.matcher("/api/v1/admin/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/admin/login"),
						path.matcher("/admin/**")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain publicFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/telegram/**"))
			.httpBasic(httpBasic -> httpBasic.disable())
			.formLogin(form -> form.disable());
		return http.build();
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
