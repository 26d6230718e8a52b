package io.leadline.app.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

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
 */
public record StartJobRequest(@NotNull UUID uploadId, String emailColumn, JsonNode service, List<String> outputColumns,
		String format, Map<String, String> fields) {
}
