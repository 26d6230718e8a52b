package io.leadline.app.web;

import java.io.IOException;
import java.time.LocalDateTime;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;

import io.leadline.app.security.LocalUsers;

/**
 * The web app's door: pages need a signed-in local user (a session cookie, HttpOnly,
 * SameSite=Lax, Secure behind TLS); every form carries a CSRF token; {@code /admin/**}
 * needs the admin role. A failed sign-in is counted: after a few the next attempt has to
 * wait, after more the account is locked for a while ({@link LocalUsers}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfig {

	@Bean
	@Order(3)
	SecurityFilterChain webSecurity(HttpSecurity http, LocalUsers users) throws Exception {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(users.encoder());
		return http.authenticationManager(new ProviderManager(passwords))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/signin", "/signup", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
						"/error")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/signin")
				.usernameParameter("email")
				.successHandler(signedIn(users))
				.failureHandler(failed(users)))
			.logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
			.exceptionHandling(errors -> errors.accessDeniedHandler(WebSecurityConfig::denied))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
			.build();
	}

	private static SavedRequestAwareAuthenticationSuccessHandler signedIn(LocalUsers users) {
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					org.springframework.security.core.Authentication authentication)
					throws IOException, jakarta.servlet.ServletException {
				users.recordSuccess(authentication.getName());
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		success.setDefaultTargetUrl("/");
		return success;
	}

	private static AuthenticationFailureHandler failed(LocalUsers users) {
		return (request, response, e) -> {
			String email = request.getParameter("email");
			String reason = "wrong";
			if (e instanceof LockedException) {
				reason = "locked";
			}
			else if (email != null) {
				reason = users.recordFailure(email, LocalDateTime.now()).isPresent() ? "locked" : "wrong";
			}
			response.sendRedirect(request.getContextPath() + "/signin?error=" + reason);
		};
	}

	// why: a form posted without its CSRF token gets a page that says so, not a bare 403
	private static void denied(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException e) throws IOException {
		request.setAttribute(WebErrors.CODE_ATTRIBUTE, e instanceof CsrfException ? "csrf" : "forbidden");
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
