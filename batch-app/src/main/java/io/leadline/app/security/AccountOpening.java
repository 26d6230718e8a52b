package io.leadline.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.leadline.jobs.credits.CreditLedger;

/**
 * Opens the caller's account on its first API call, with the token's {@code email} claim:
 * the starting credits (the free plan) are given once per email, so the email must be
 * known when the account is created, whatever call comes first.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccountOpening implements HandlerInterceptor, WebMvcConfigurer {

	private final CreditLedger ledger;

	AccountOpening(CreditLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			ledger.account(token.getToken().getSubject(), token.getToken().getClaimAsString("email"));
		}
		return true;
	}

}
