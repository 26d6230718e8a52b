package io.leadline.app.web;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Where "buy credits" goes: the billing page when the app has one ({@code GET /billing}),
 * else nowhere (the dashboard then says who grants credits).
 */
@Component
class BillingLink {

	static final String BILLING = "/billing";

	private final RequestMappingHandlerMapping mappings;

	BillingLink(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		this.mappings = mappings;
	}

	Optional<String> url() {
		boolean exists = mappings.getHandlerMethods()
			.keySet()
			.stream()
			.anyMatch(info -> info.getPatternValues().contains(BILLING));
		return exists ? Optional.of(BILLING) : Optional.empty();
	}

}
