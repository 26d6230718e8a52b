package io.leadline.app.web;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
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

	// why: a provider, so the CLI's context (no web server, no mappings) still starts
	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	BillingLink(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	Optional<String> url() {
		RequestMappingHandlerMapping handlers = mappings.getIfAvailable();
		if (handlers == null) {
			return Optional.empty();
		}
		boolean exists = handlers.getHandlerMethods()
			.keySet()
			.stream()
			.anyMatch(info -> info.getPatternValues().contains(BILLING));
		return exists ? Optional.of(BILLING) : Optional.empty();
	}

}
