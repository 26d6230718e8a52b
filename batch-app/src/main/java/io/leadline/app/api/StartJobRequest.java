package io.leadline.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.jobs.ListOptions;
import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;

/**
 * {@code POST /api/jobs}.
 *
 * @param emailColumn header of the email column; the upload's guess when absent
 * @param service {@code {core_offer, key_differentiator, cta, timeline, goal,
 * fallback_action}}; the account's default service, else a generic offer, when absent
 * @param outputColumns original columns to keep (all when absent)
 * @param format {@code xlsx} or {@code csv}; the upload's format when absent
 * @param fields {@code field -> column} corrections of the recognised prospect fields
 * ({@code {"company": "Organisation"}}; an empty column unmaps the field)
 * @param mode {@code live} (default) or {@code batch}: the model calls go through the
 * provider's Batch API at half the token price, answered within hours
 */
public record StartJobRequest(@NotNull UUID uploadId, String emailColumn, JsonNode service, List<String> outputColumns,
		String format, Map<String, String> fields, String mode) {

	ListOptions options(JsonMapper json) {
		ServiceContext requested = service == null || service.isNull() ? null
				: ServiceContext.fromJson(json.writeValueAsString(service));
		return new ListOptions(emailColumn, requested, format == null ? null : ResultFormat.parse(format),
				outputColumns, null, fields, mode == null ? null : EnrichmentMode.parse(mode));
	}

}
