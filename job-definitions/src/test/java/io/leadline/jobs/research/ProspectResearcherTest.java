package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.jobs.research.ProspectResult.Status;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProspectResearcherTest {

	private static final String TOO_LONG = "I noticed that your team has been expanding very quickly across Europe this year "
			+ "and I imagine that finding the right prospects to talk to every single week is a real challenge for everyone.";

	private FakeProviders providers;

	private ProspectResearcher researcher;

	@BeforeEach
	void startProviders() throws IOException {
		providers = new FakeProviders();
		researcher = providers.researcher();
	}

	@AfterEach
	void stopProviders() {
		researcher.close();
		providers.close();
	}

	@Test
	void researchesThePersonAndCompanyThenWritesTheOpener() {
		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(result.reason()).isNull();
		assertThat(json(result.researchJson()).path("person").path("name").asString()).isEqualTo("Ann Lee");
		assertThat(json(result.researchJson()).path("company").path("name").asString()).isEqualTo("Acme Inc");
		assertThat(result.opener()).startsWith("Congrats on the new role, Ann Lee;");
		assertThat(result.usage()).isEqualTo(new ProviderUsage(2, 3, 3 * 812, 3 * 164, 0));
	}

	@Test
	void searchesForThePersonAndForTheCompanyDomain() {
		researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(providers.searchQueries()).containsExactlyInAnyOrder("ann acme.io", "acme.io");
	}

	@Test
	void summarizesTheCompanyThenResearchesThePersonWithTheSummaryThenWritesTheOpener() {
		var service = ServiceContext.fromJson("{\"core_offer\":\"Freight audit as a service\"}");

		researcher.research("ann@acme.io", service);

		var calls = providers.chatCalls();
		assertThat(calls).hasSize(3);
		assertThat(calls.get(0).isCompanySummary()).isTrue();
		assertThat(calls.get(0).firstUserMessage())
			.contains("Website: acme.io", "Acme Inc builds workflow automation", "Founded: 2016",
					"Acme Inc raises $20M Series B")
			.doesNotContain("https://");
		assertThat(calls.get(1).json()).isTrue();
		assertThat(calls.get(1).system()).isEqualTo(Prompts.PERSON_SYSTEM);
		assertThat(calls.get(1).firstUserMessage())
			.contains("Email: ann@acme.io", "Company summary: {\"name\":\"Acme Inc\"", "Ann Lee is Head of Growth")
			.doesNotContain("Acme Inc builds workflow automation", "https://");
		assertThat(calls.get(2).json()).isFalse();
		assertThat(calls.get(2).firstUserMessage()).contains("\"name\":\"Ann Lee\"",
				"Our service: Freight audit as a service");
	}

	@Test
	void sendsByteIdenticalSystemPromptsFirstForEveryRow() {
		researcher.research("ann@acme.io", ServiceContext.defaults());
		researcher.research("bob@beta.io", ServiceContext.defaults());

		var systems = providers.chatCalls().stream().map(FakeProviders.ChatCall::system).distinct().toList();
		assertThat(systems).containsExactlyInAnyOrder(Prompts.COMPANY_SYSTEM, Prompts.PERSON_SYSTEM,
				Prompts.OPENER_SYSTEM);
		assertThat(providers.chatCalls()).allSatisfy(
				call -> assertThat(call.body().path("messages").path(0).path("role").asString()).isEqualTo("system"));
	}

	@Test
	void writesResearchInTheContractShapeWithoutExtraKeys() {
		providers.groq = ProviderWire.scripted(List
			.of("""
					{"person":{"name":"Ann Lee","info":["Head of Growth"],"linkedin":"x"},"company":{"moat":"Speed","info":[],"name":"Acme Inc"},"confidence":0.9}"""),
				List.of("Short and sweet."));

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.researchJson()).isEqualTo("{\"person\":{\"name\":\"Ann Lee\",\"info\":[\"Head of Growth\"]},"
				+ "\"company\":{\"name\":\"Acme Inc\",\"info\":[\"Raised $20M Series B\",\"Expanding into Europe\"],"
				+ "\"moat\":\"One workflow for dispatch, tracking and billing\"}}");
	}

	@Test
	void keepsConcurrentRowsApart() throws Exception {
		var rows = IntStream.rangeClosed(1, 20).mapToObj(i -> "user" + i + "@co" + i + ".io").toList();
		var pool = Executors.newFixedThreadPool(rows.size());
		List<Future<ProspectResult>> futures;
		try {
			futures = pool.invokeAll(rows.stream()
				.map(email -> (Callable<ProspectResult>) () -> researcher.research(email, ServiceContext.defaults()))
				.toList());
		}
		finally {
			pool.shutdown();
		}

		for (int i = 0; i < rows.size(); i++) {
			var result = futures.get(i).get();
			var person = "User" + (i + 1) + " Lee";
			var company = "Co" + (i + 1) + " Inc";
			assertThat(result.status()).as(rows.get(i)).isEqualTo(Status.OK);
			assertThat(json(result.researchJson()).path("person").path("name").asString()).as(rows.get(i))
				.isEqualTo(person);
			assertThat(json(result.researchJson()).path("company").path("name").asString()).as(rows.get(i))
				.isEqualTo(company);
			assertThat(result.opener()).as(rows.get(i)).contains(person + ";");
		}
	}

	@Test
	void searchesPersonAndCompanyInParallel() {
		var personSearched = new CountDownLatch(1);
		var companySearched = new CountDownLatch(1);
		// why: each search answers only once the other has arrived, so searching one
		// after the other would time out
		providers.serper = query -> {
			var isCompany = !query.contains(" ");
			(isCompany ? companySearched : personSearched).countDown();
			return awaits(isCompany ? personSearched : companySearched) ? ProviderWire.searchResultsFor(query)
					: ProviderWire.json(503, "{\"message\":\"the other search never came\"}");
		};

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.OK);
	}

	@Test
	void sharesOneInFlightDomainSearchAmongConcurrentRows() throws Exception {
		var pool = Executors.newFixedThreadPool(10);
		try {
			var futures = pool.invokeAll(IntStream.rangeClosed(1, 10)
				.mapToObj(i -> "user" + i + "@acme.io")
				.map(email -> (Callable<ProspectResult>) () -> researcher.research(email, ServiceContext.defaults()))
				.toList());

			var usage = ProviderUsage.NONE;
			for (var future : futures) {
				usage = usage.plus(future.get().usage());
			}
			assertThat(providers.searchQueries()).filteredOn("acme.io"::equals).hasSize(1);
			assertThat(usage.serperCalls()).isEqualTo(11);
			assertThat(usage.cacheHits()).isEqualTo(9);
			assertThat(providers.chatCalls()).filteredOn(FakeProviders.ChatCall::isCompanySummary).hasSize(1);
			assertThat(usage.groqCalls()).isEqualTo(1 + 10 * 2);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void searchesACompanyDomainOnceForTwoPeopleThere() {
		var first = researcher.research("ann@acme.io", ServiceContext.defaults());
		var second = researcher.research("bob@ACME.io", ServiceContext.defaults());

		assertThat(providers.searchQueries()).filteredOn(query -> query.equalsIgnoreCase("acme.io")).hasSize(1);
		assertThat(first.usage().serperCalls()).isEqualTo(2);
		assertThat(first.usage().cacheHits()).isZero();
		assertThat(second.usage().serperCalls()).isEqualTo(1);
		assertThat(second.usage().cacheHits()).isEqualTo(1);
		assertThat(json(second.researchJson()).path("company").path("name").asString()).isEqualTo("Acme Inc");
	}

	@Test
	void searchesTheDomainAgainAfterAFailedSearch() {
		providers.serper = query -> query.equals("acme.io")
				? ProviderWire.json(503, "{\"message\":\"Service unavailable\"}")
				: ProviderWire.searchResultsFor(query);
		assertThatThrownBy(() -> researcher.research("ann@acme.io", ServiceContext.defaults()))
			.isInstanceOf(TransientProviderException.class);
		providers.serper = ProviderWire::searchResultsFor;

		var retried = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(retried.status()).isEqualTo(Status.OK);
		assertThat(retried.usage().cacheHits()).isZero();
	}

	@Test
	void correctsInvalidResearchJsonOnce() {
		providers.groq = ProviderWire
			.scripted(List.of("{\"person\":{\"name\":\"Ann Lee\",\"info\":\"Head of Growth\"}}",
					ProviderWire.research("Ann Lee", "Acme Inc")), List.of(ProviderWire.opener("Ann Lee")));

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(result.usage().groqCalls()).isEqualTo(4);
		var correction = providers.chatCalls().get(2);
		assertThat(correction.json()).isTrue();
		assertThat(correction.messageCount()).isEqualTo(4);
		assertThat(correction.lastUserMessage()).contains("person.info must be an array of strings",
				Prompts.PERSON_SHAPE);
	}

	@Test
	void failsTheRowWhenResearchJsonIsInvalidTwice() {
		providers.groq = ProviderWire.scripted(List.of("Sure! Here is the research: {", "{\"person\": null}"),
				List.of("unused"));

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.FAILED);
		assertThat(result.reason()).isEqualTo("research: model returned invalid JSON twice");
		assertThat(result.researchJson()).isNull();
		assertThat(result.usage().groqCalls()).isEqualTo(3);
	}

	@Test
	void correctsAnOpenerThatBreaksTheLengthRule() {
		providers.groq = ProviderWire.scripted(List.of(ProviderWire.research("Ann Lee", "Acme Inc")),
				List.of(TOO_LONG, "\"Expanding into Europe means a lot of new prospects to research.\""));

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(result.opener()).isEqualTo("Expanding into Europe means a lot of new prospects to research.");
		assertThat(providers.chatCalls().get(3).lastUserMessage())
			.contains("sentence 1 has 34 words, at most 25 allowed");
	}

	@Test
	void failsTheRowWithWhatBrokeWhenTheOpenerBreaksTheRulesTwice() {
		providers.groq = ProviderWire.scripted(List.of(ProviderWire.research("Ann Lee", "Acme Inc")),
				List.of(TOO_LONG, "- Expanding into Europe?\n- We can help."));

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.FAILED);
		assertThat(result.reason()).isEqualTo("opener: markdown or bullets, plain text required");
		assertThat(result.researchJson()).contains("Ann Lee");
		assertThat(result.usage().groqCalls()).isEqualTo(4);
	}

	@Test
	void failsTheRowWhenTheOpenerTwiceCarriesALinkThePlantedResultsPutThere() {
		var phishing = "Your team's new portal is live; verify your account at acme-sso.help/login today.";
		providers.groq = ProviderWire.scripted(List.of(ProviderWire.research("Ann Lee", "Acme Inc")),
				List.of(phishing));

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.FAILED);
		assertThat(result.opener()).isNull();
		assertThat(result.reason()).isEqualTo("opener: a URL (acme-sso.help/login) that is not in the research; "
				+ "leave links and contact details out");
		assertThat(providers.chatCalls().get(3).lastUserMessage()).contains("a URL (acme-sso.help/login)");
	}

	@Test
	void failsTheRowWhenAProviderRejectsTheRequest() {
		providers.groq = call -> call.json() ? ProviderWire.answerFor(call) : ProviderWire.json(400,
				"{\"error\":{\"message\":\"Please reduce the length of the messages.\",\"code\":\"context_length_exceeded\"}}");

		var result = researcher.research("ann@acme.io", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.FAILED);
		assertThat(result.reason()).startsWith("groq: request rejected (HTTP 400)");
		assertThat(result.researchJson()).contains("Ann Lee");
	}

	@Test
	void letsTransientFailuresReachTheRetryPolicy() {
		providers.groq = call -> new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build();

		assertThatThrownBy(() -> researcher.research("ann@acme.io", ServiceContext.defaults()))
			.isInstanceOf(TransientProviderException.class);
	}

	@Test
	void letsFatalFailuresStopTheJob() {
		providers.serper = query -> ProviderWire.json(401, "{\"message\":\"Unauthorized.\",\"statusCode\":401}");

		assertThatThrownBy(() -> researcher.research("ann@acme.io", ServiceContext.defaults()))
			.isInstanceOf(FatalProviderException.class)
			.hasMessage("serper: API key rejected (HTTP 401)");
	}

	@Test
	void searchesWithTheRowsNameAndCompanyAndGivesTheModelItsFacts() {
		var jane = Prospect.ofEmail("jane.doe@acme.io")
			.withName("Jane", "Doe", "")
			.withCompany("Acme", "https://www.acme.io")
			.withTitle("VP Sales")
			.withLinkedin("https://www.linkedin.com/in/janedoe", "Austin, TX");

		var result = researcher.research(jane, ServiceContext.defaults(), "job-1");

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(result.reason()).isNull();
		assertThat(providers.searchQueries()).containsExactlyInAnyOrder("\"Jane Doe\" Acme", "Acme acme.io");
		var person = providers.chatCalls().get(1).firstUserMessage();
		assertThat(person).contains("Name: Jane Doe", "Title: VP Sales", "Company: Acme",
				"LinkedIn: https://www.linkedin.com/in/janedoe", "Location: Austin, TX");
		assertThat(json(result.researchJson()).path("person").path("name").asString()).isEqualTo("Jane Doe");
	}

	@Test
	void neverSearchesAFreeMailDomainAndTakesTheCompanyFromTheRow() {
		var jane = Prospect.ofEmail("jane.doe@gmail.com").withName("Jane", "Doe", "").withCompany("Acme", "acme.io");

		var result = researcher.research(jane, ServiceContext.defaults(), "job-1");

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(providers.searchQueries()).containsExactlyInAnyOrder("\"Jane Doe\" Acme", "Acme acme.io")
			.noneMatch(query -> query.contains("gmail"));
		assertThat(result.reason()).isEqualTo("free-mail address (gmail.com): company taken from the row");
	}

	@Test
	void researchesAFreeMailAddressWithoutCompanyAsAPersonOnly() {
		var jane = Prospect.ofEmail("jane.doe@gmail.com").withName("Jane", "Doe", "").withTitle("VP Sales");

		var result = researcher.research(jane, ServiceContext.defaults(), "job-1");

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(providers.searchQueries()).containsExactly("\"Jane Doe\" \"VP Sales\"");
		assertThat(providers.chatCalls()).noneMatch(FakeProviders.ChatCall::isCompanySummary);
		assertThat(providers.chatCalls().get(1).firstUserMessage())
			.contains("Note: the company is unknown: say nothing about a company.");
		assertThat(json(result.researchJson()).path("company").path("name").asString()).isEmpty();
		assertThat(result.reason()).isEqualTo("free-mail address (gmail.com): researched the person only");
	}

	@Test
	void researchesARoleAddressAsTheCompanyOnly() {
		var result = researcher.research(Prospect.ofEmail("info@acme.io"), ServiceContext.defaults(), "job-1");

		assertThat(result.status()).isEqualTo(Status.OK);
		assertThat(providers.searchQueries()).containsExactly("acme.io");
		assertThat(providers.chatCalls()).extracting(FakeProviders.ChatCall::system)
			.containsExactly(Prompts.COMPANY_SYSTEM, Prompts.OPENER_SYSTEM);
		assertThat(json(result.researchJson()).path("company").path("name").asString()).isEqualTo("Acme Inc");
		assertThat(result.reason()).isEqualTo("role address (info@): researched the company only");
	}

	@Test
	void scoresFitInTheSameCallWhenTheServiceNamesAnIdealCustomer() {
		var service = ServiceContext
			.fromJson("{\"ideal_customer\":\"Heads of growth at logistics SaaS companies with 50-500 staff\"}");

		var result = researcher.research(Prospect.ofEmail("ann@acme.io"), service, "job-1");

		assertThat(result.status()).isEqualTo(Status.OK);
		var person = providers.chatCalls().get(1);
		assertThat(person.system()).isEqualTo(Prompts.PERSON_FIT_SYSTEM);
		assertThat(person.firstUserMessage())
			.contains("Ideal customer: Heads of growth at logistics SaaS companies with 50-500 staff");
		assertThat(providers.chatCalls()).hasSize(3);
		assertThat(json(result.researchJson()).path("fit").path("score").asInt()).isEqualTo(82);
		assertThat(json(result.researchJson()).path("fit").path("tier").asString()).isEqualTo("hot");
	}

	@Test
	void sharesCompanyResearchWithinAJobButNotAcrossJobs() {
		researcher.research(Prospect.ofEmail("ann@acme.io"), ServiceContext.defaults(), "job-1");
		researcher.research(Prospect.ofEmail("bob@acme.io"), ServiceContext.defaults(), "job-1");
		researcher.research(Prospect.ofEmail("cy@acme.io"), ServiceContext.defaults(), "job-2");

		assertThat(providers.searchQueries()).filteredOn("acme.io"::equals).hasSize(2);
		assertThat(providers.chatCalls()).filteredOn(FakeProviders.ChatCall::isCompanySummary).hasSize(2);
	}

	@Test
	void failsSomethingThatIsNotAnEmailWithoutCallingProviders() {
		var result = researcher.research("not-an-email", ServiceContext.defaults());

		assertThat(result.status()).isEqualTo(Status.FAILED);
		assertThat(result.reason()).isEqualTo("research: not an email address");
		assertThat(providers.requests()).isEmpty();
	}

	private static boolean awaits(CountDownLatch latch) {
		try {
			return latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

}
