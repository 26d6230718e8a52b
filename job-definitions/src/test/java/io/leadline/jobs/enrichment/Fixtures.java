package io.leadline.jobs.enrichment;

import java.io.IOException;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.leadline.jobs.research.FakeProviders;

/**
 * What the job ITs share: loopback provider fakes and the settings that point the engine
 * at them.
 */
final class Fixtures {

	private Fixtures() {
	}

	private static FakeProviders shared;

	/** Started on first use and left running until the test JVM exits. */
	static synchronized FakeProviders sharedProviders() {
		if (shared == null) {
			try {
				shared = new FakeProviders();
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
		return shared;
	}

	static void registerProviders(DynamicPropertyRegistry registry, FakeProviders providers) {
		registry.add("SERPER_API_KEY", () -> FakeProviders.SERPER_KEY);
		registry.add("GROQ_API_KEY", () -> FakeProviders.GROQ_KEY);
		registry.add("LEADLINE_SERPER_URL", () -> providers.settings().serperUrl());
		registry.add("LEADLINE_GROQ_URL", () -> providers.settings().groqUrl());
	}

}
