package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceContextTest {

	@Test
	void readsSnakeCaseFieldsAndTakesDefaultsForTheRest() {
		var service = ServiceContext
			.fromJson("{\"core_offer\":\"Freight audit\",\"cta\":\"Quick call?\",\"goal\":\"  \"}");

		assertThat(service.coreOffer()).isEqualTo("Freight audit");
		assertThat(service.cta()).isEqualTo("Quick call?");
		assertThat(service.goal()).isEqualTo(ServiceContext.defaults().goal());
		assertThat(service.keyDifferentiator()).isEqualTo(ServiceContext.defaults().keyDifferentiator());
	}

	@Test
	void roundTripsThroughJson() {
		var service = new ServiceContext("offer", "edge", "cta", "30 days", "meeting", "send a deck");

		assertThat(ServiceContext.fromJson(service.toJson())).isEqualTo(service);
		assertThat(service.toJson())
			.isEqualTo("{\"core_offer\":\"offer\",\"key_differentiator\":\"edge\",\"cta\":\"cta\","
					+ "\"timeline\":\"30 days\",\"goal\":\"meeting\",\"fallback_action\":\"send a deck\"}");
	}

	@Test
	void rejectsMalformedJsonClearly() {
		assertThatThrownBy(() -> ServiceContext.fromJson("{\"core_offer\": "))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("service context: not valid JSON");
	}

	@Test
	void rejectsJsonThatIsNotAnObject() {
		assertThatThrownBy(() -> ServiceContext.fromJson("[\"offer\"]")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("service context: expected a JSON object");
	}

	@Test
	void rejectsAFieldThatIsNotText() {
		assertThatThrownBy(() -> ServiceContext.fromJson("{\"timeline\": 30}"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("service context: timeline must be text, got number");
	}

	@Test
	void rejectsAnUnknownFieldAsALikelyTypo() {
		assertThatThrownBy(() -> ServiceContext.fromJson("{\"coreOffer\": \"x\"}"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("service context: unknown field(s) [coreOffer]");
	}

	@Test
	void rejectsAnOverlongField() {
		var json = "{\"core_offer\": \"" + "x".repeat(ServiceContext.MAX_FIELD_LENGTH + 1) + "\"}";

		assertThatThrownBy(() -> ServiceContext.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("service context: core_offer is 601 characters, at most 600 allowed");
	}

}
