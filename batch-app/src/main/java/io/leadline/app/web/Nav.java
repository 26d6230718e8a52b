package io.leadline.app.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.leadline.app.security.AccessProperties;
import io.leadline.app.security.LocalUser;
import io.leadline.jobs.credits.CreditLedger;

/**
 * What every page's header needs: who is signed in and their balance
 * ({@code templates/fragments/layout.html} renders the nav; a new page adds one link
 * there).
 */
@ControllerAdvice(basePackageClasses = Nav.class)
@EnableConfigurationProperties(WebProperties.class)
class Nav {

	private final CreditLedger ledger;

	private final AccessProperties access;

	Nav(CreditLedger ledger, AccessProperties access) {
		this.ledger = ledger;
		this.access = access;
	}

	@ModelAttribute("me")
	LocalUser me(@AuthenticationPrincipal LocalUser user) {
		return user;
	}

	@ModelAttribute("balance")
	Long balance(@AuthenticationPrincipal LocalUser user) {
		// why: with the email, so the free plan's credits go once per email
		return user == null ? null : ledger.account(user.accountId(), user.email()).balance();
	}

	@ModelAttribute("signupOpen")
	boolean signupOpen() {
		return access.signupOpen();
	}

}
