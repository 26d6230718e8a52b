package io.leadline.app.api;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobCommands;
import io.leadline.app.jobs.JobConflictException;
import io.leadline.app.jobs.JobQueries;
import io.leadline.app.jobs.JobState;
import io.leadline.app.jobs.JobView;
import io.leadline.app.jobs.StartRefusedException;
import io.leadline.app.jobs.StartRefusedException.Reason;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.credits.LedgerKind;
import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.enrichment.RowCounts;
import io.leadline.jobs.enrichment.RowStatus;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectStore;

/**
 * The job routes in a web slice: the real {@link JobQueries} scopes by owner over a
 * mocked catalog, ledger and store; commands are mocked to show how their refusals reach
 * the client (status and stable {@code code}).
 */
// why: the web pages' advice and filters belong to another slice
@WebMvcTest(controllers = JobController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.leadline\\.app\\.web\\..*"))
@Import(JobQueries.class)
class JobControllerTest {

	private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-000000000042");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	JobCatalog catalog;

	@MockitoBean
	CreditLedger ledger;

	@MockitoBean
	ObjectStore store;

	@MockitoBean
	JobCommands commands;

	@Test
	void answersNotFoundForAnotherOwnersJob() throws Exception {
		given(catalog.view(JOB)).willReturn(Optional.of(aJob("bob", JobState.COMPLETED)));

		mvc.perform(get("/api/jobs/{id}", JOB).with(as("ann")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not_found"))
			.andExpect(jsonPath("$.detail").value("no job " + JOB));
	}

	@Test
	void showsTheOwnerTheirJobWithCountsAndCredits() throws Exception {
		given(catalog.view(JOB)).willReturn(Optional.of(aJob("ann", JobState.COMPLETED)));
		given(ledger.jobEntries(JOB)).willReturn(List.of(aLedgerRow(LedgerKind.RESERVE, -50)));

		mvc.perform(get("/api/jobs/{id}", JOB).with(as("ann")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("completed"))
			.andExpect(jsonPath("$.counts.ok").value(47))
			.andExpect(jsonPath("$.counts.invalid").value(2))
			.andExpect(jsonPath("$.credits.reserved").value(50));
	}

	@Test
	void showsAnAdminAnyOwnersJob() throws Exception {
		given(catalog.view(JOB)).willReturn(Optional.of(aJob("bob", JobState.RUNNING)));

		mvc.perform(get("/api/jobs/{id}", JOB).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.owner").value("bob"));
	}

	@Test
	void listsOnlyTheCallersOwnJobs() throws Exception {
		given(catalog.page(Optional.of("ann"), Optional.empty(), 20, 10))
			.willReturn(List.of(aJob("ann", JobState.COMPLETED)));
		given(catalog.count(Optional.of("ann"), Optional.empty())).willReturn(11L);
		given(ledger.jobEntries(anyCollection())).willReturn(Map.of(JOB, List.of(aLedgerRow(LedgerKind.RESERVE, -50))));

		mvc.perform(get("/api/jobs?page=2&size=10").with(as("ann")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].owner").value("ann"))
			.andExpect(jsonPath("$.items[0].credits.reserved").value(50))
			.andExpect(jsonPath("$.total").value(11));
	}

	@Test
	void refusesTheResultOfAJobNotSettledYet() throws Exception {
		given(catalog.view(JOB)).willReturn(Optional.of(aJob("ann", JobState.RUNNING)));
		given(ledger.isSettled(JOB)).willReturn(false);

		mvc.perform(get("/api/jobs/{id}/result", JOB).with(as("ann")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("result_not_ready"));
	}

	@Test
	void downloadsAPaidResultUnderTheListsEnrichedName() throws Exception {
		JobView job = aJob("ann", JobState.COMPLETED);
		byte[] result = "email,sif_status\nann@x.io,ok\n".getBytes(StandardCharsets.UTF_8);
		given(catalog.view(JOB)).willReturn(Optional.of(job));
		given(ledger.isSettled(JOB)).willReturn(true);
		given(store.stat(job.resultKey()))
			.willReturn(Optional.of(new ObjectInfo(job.resultKey(), result.length, "etag", Instant.now())));
		given(store.open(job.resultKey())).willReturn(new ByteArrayInputStream(result));

		mvc.perform(get("/api/jobs/{id}/result", JOB).with(as("ann")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					startsWith("attachment; filename=\"prospects-enriched.csv\"")))
			.andExpect(content().bytes(result));
	}

	@Test
	void answersAStateConflictWithItsCode() throws Exception {
		given(commands.stop(any(), eq(JOB))).willThrow(new JobConflictException("job_not_running", "job is completed"));

		mvc.perform(post("/api/jobs/{id}/stop", JOB).with(as("ann")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("job_not_running"));
	}

	@Test
	void answersAnUnknownOutputColumnWith400() throws Exception {
		given(commands.start(any(), any(), any()))
			.willThrow(new StartRefusedException(Reason.UNKNOWN_COLUMN, "no column 'Phone' in the list"));

		mvc.perform(post("/api/jobs").with(as("ann"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"uploadId\":\"" + UUID.randomUUID() + "\",\"outputColumns\":[\"Phone\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("unknown_column"));
	}

	@Test
	void answersAMissingEmailColumnWith422NamingTheApiField() throws Exception {
		given(commands.start(any(), any(), any())).willThrow(new StartRefusedException(Reason.NO_EMAIL_COLUMN,
				"no email column found; columns are: name, company; pass --email-column"));

		mvc.perform(post("/api/jobs").with(as("ann"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"uploadId\":\"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("no_email_column"))
			.andExpect(jsonPath("$.detail")
				.value("no email column found; columns are: name, company; name it in emailColumn"));
	}

	private static RequestPostProcessor as(String account) {
		return jwt().jwt(token -> token.subject(account));
	}

	private static RequestPostProcessor admin() {
		return jwt().jwt(token -> token.subject("root").claim("role", "admin"));
	}

	private static JobView aJob(String owner, JobState state) {
		RowCounts rows = new RowCounts(Map.of(RowStatus.OK, 47L, RowStatus.INVALID, 2L, RowStatus.DUPLICATE, 1L));
		return new JobView(JOB, owner, "prospects.csv", state, 7, 50, 50, 100, rows, LocalDateTime.now(),
				Duration.ofSeconds(3), null, "outputs/" + owner + "/" + JOB + "/result.csv", ResultFormat.CSV, null,
				null, null, EnrichmentMode.LIVE);
	}

	private static LedgerEntry aLedgerRow(LedgerKind kind, long delta) {
		return new LedgerEntry(1, "ann", delta, kind, "reserved", JOB, LocalDateTime.now(), null, null);
	}

}
