package io.leadline.jobs.research;

import java.util.Objects;

/**
 * What one row's research and personalization produced: {@code OK} with both the research
 * JSON and the opener, or {@code FAILED} with a one-line reason naming the provider and
 * the cause (it lands in the output's {@code sif_reason} column). A failed opener still
 * carries the research. An OK result may carry a reason too: why its research was
 * narrowed.
 */
public record ProspectResult(Status status, String researchJson, String opener, String reason, ProviderUsage usage) {

	public enum Status {

		OK, FAILED

	}

	public ProspectResult {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(usage, "usage");
		if (status == Status.OK && (researchJson == null || opener == null)) {
			throw new IllegalArgumentException("an OK result needs both research and opener");
		}
		if (status == Status.FAILED && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("a FAILED result needs a reason");
		}
		if (reason != null) {
			reason = OneLine.of(reason);
		}
	}

	public static ProspectResult ok(String researchJson, String opener, ProviderUsage usage) {
		return new ProspectResult(Status.OK, researchJson, opener, null, usage);
	}

	/**
	 * @param note why the research was narrowed (e.g. a free-mail address), or null
	 */
	public static ProspectResult ok(String researchJson, String opener, String note, ProviderUsage usage) {
		return new ProspectResult(Status.OK, researchJson, opener, note, usage);
	}

	public static ProspectResult failed(String reason, String researchJson, ProviderUsage usage) {
		return new ProspectResult(Status.FAILED, researchJson, null, reason, usage);
	}

	public boolean isOk() {
		return status == Status.OK;
	}
}
