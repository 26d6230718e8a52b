package io.leadline.app.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.billing.AccountProfile;
import io.leadline.app.billing.Billing;
import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.Account;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.research.ServiceContext;

/** The caller's account: balance, ledger, default service; and admin grants. */
@RestController
@Validated
class AccountController {

	private final CreditLedger ledger;

	private final Billing billing;

	private final JsonMapper json;

	AccountController(CreditLedger ledger, Billing billing, JsonMapper json) {
		this.ledger = ledger;
		this.billing = billing;
		this.json = json;
	}

	/**
	 * The balance and the profile: email, plan, subscription status and renewal, Stripe
	 * customer.
	 */
	record AccountResponse(String id, long balance, boolean admin, ServiceContext defaultService, String email,
			String plan, String planName, String subscriptionStatus, Instant renewalDate, long monthlyCredits,
			String stripeCustomerId) {

		static AccountResponse of(Account account, boolean admin, AccountProfile profile) {
			return new AccountResponse(account.id(), account.balance(), admin, account.defaultService(),
					profile.email(), profile.plan(), profile.planName(), profile.subscriptionStatus(),
					profile.renewalDate(), profile.monthlyCredits(), profile.stripeCustomerId());
		}
	}

	record Grant(@Positive long amount, @NotBlank @Size(max = 400) String reason) {
	}

	@GetMapping("/api/account")
	AccountResponse account(@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		Account account = ledger.account(caller.accountId(), jwt.getClaimAsString("email"));
		return AccountResponse.of(account, caller.admin(), billing.profile(caller.accountId()));
	}

	@GetMapping("/api/account/ledger")
	List<LedgerEntry> ledger(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, @AuthenticationPrincipal Jwt jwt) {
		return ledger.entries(Caller.of(jwt).accountId(), page * size, size);
	}

	/** The service context nightly runs (and jobs started without one) use. */
	@PutMapping("/api/account/service")
	AccountResponse service(@RequestBody JsonNode service, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		ledger.saveDefaultService(caller.accountId(), ServiceContext.fromJson(json.writeValueAsString(service)));
		return account(jwt);
	}

	@PostMapping("/api/admin/accounts/{id}/credits")
	AccountResponse grant(@PathVariable String id, @Valid @RequestBody Grant grant, @AuthenticationPrincipal Jwt jwt) {
		Caller.requireAccountId(id);
		Caller admin = Caller.of(jwt);
		return AccountResponse.of(ledger.grant(id, grant.amount(), grant.reason() + " (by " + admin.accountId() + ")"),
				false, billing.profile(id));
	}

}
