package io.leadline.jobs.research;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic Serper and Groq responses. The default fake world: {@code ann@acme.io} is
 * "Ann Lee", Head of Growth at "Acme Inc"; names come from the email, so every row has
 * its own person.
 */
public final class ProviderWire {

	private static final Pattern PERSON = Pattern.compile("([^:\\n]+?) is Head of Growth");

	private static final Pattern NAMED = Pattern.compile("^\"([^\"]+)\"\\s*(.*)$");

	private static final Pattern LEGACY_PERSON = Pattern.compile("^\\S*[a-z0-9]\\S* \\S+\\.\\S+$");

	private static final Pattern COMPANY = Pattern.compile("(\\S+ Inc) builds workflow automation");

	private static final Pattern RESEARCH_PERSON = Pattern.compile("\"person\":\\{\"name\":\"([^\"]+)\"");

	private ProviderWire() {
	}

	public static String personName(String user) {
		return capitalized(user) + " Lee";
	}

	public static String companyName(String domain) {
		return capitalized(domain.substring(0, domain.indexOf('.'))) + " Inc";
	}

	/**
	 * Serper: a person query ("ann acme.io") finds a profile, a domain query ("acme.io")
	 * the company panel.
	 */
	public static MockResponse searchResultsFor(String query) {
		var named = NAMED.matcher(query);
		if (named.matches() && !named.group(2).isEmpty()) {
			return namedPersonResults(query, named.group(1), named.group(2));
		}
		if (LEGACY_PERSON.matcher(query).matches() && query.equals(query.toLowerCase(java.util.Locale.ROOT))) {
			var parts = query.split(" ");
			return personResults(query, parts[0], parts[1]);
		}
		var tokens = query.replace("\"", "").split(" ");
		var domain = tokens[tokens.length - 1].contains(".") ? tokens[tokens.length - 1]
				: tokens[0].toLowerCase(java.util.Locale.ROOT) + ".com";
		return companyResults(query, domain);
	}

	/** A person query with the name quoted ({@code "Jane Doe" Acme}). */
	public static MockResponse namedPersonResults(String query, String name, String company) {
		return json(200, """
				{
				  "searchParameters": {"q": %1$s, "type": "search", "num": 10, "engine": "google"},
				  "organic": [
				    {"title": %2$s, "link": "https://www.linkedin.com/in/%4$s",
				     "snippet": %3$s, "position": 1}
				  ],
				  "credits": 1
				}""".formatted(quoted(query), quoted(name + " - Head of Growth | LinkedIn"),
				quoted(name + " is Head of Growth at " + company + "."), Math.abs(name.hashCode())));
	}

	private static String quoted(String text) {
		return JsonMapper.shared().writeValueAsString(text);
	}

	public static MockResponse personResults(String query, String user, String domain) {
		var name = personName(user);
		var company = companyName(domain);
		return json(200,
				"""
						{
						  "searchParameters": {"q": "%1$s", "type": "search", "num": 10, "engine": "google"},
						  "organic": [
						    {"title": "%2$s - Head of Growth - %3$s | LinkedIn", "link": "https://www.linkedin.com/in/%4$s-lee",
						     "snippet": "%2$s is Head of Growth at %3$s. Previously scaled outbound at two SaaS startups.", "position": 1},
						    {"title": "%3$s hires %2$s to lead growth", "link": "https://%5$s/blog/welcome",
						     "snippet": "We are excited to welcome %2$s, who will own pipeline generation.", "date": "Mar 3, 2025", "position": 2}
						  ],
						  "relatedSearches": [{"query": "%3$s growth team"}],
						  "credits": 1
						}"""
					.formatted(query, name, company, user, domain));
	}

	public static MockResponse companyResults(String domain) {
		return companyResults(domain, domain);
	}

	public static MockResponse companyResults(String query, String domain) {
		var company = companyName(domain);
		return json(200,
				"""
						{
						  "searchParameters": {"q": "%1$s", "type": "search", "num": 10, "engine": "google"},
						  "knowledgeGraph": {
						    "title": "%2$s", "type": "Software company", "website": "https://%1$s/",
						    "imageUrl": "https://encrypted-tbn0.gstatic.com/images?q=tbn:x",
						    "description": "%2$s builds workflow automation for mid-market logistics teams.",
						    "descriptionSource": "Wikipedia", "descriptionLink": "https://en.wikipedia.org/wiki/%2$s",
						    "attributes": {"Founded": "2016", "Headquarters": "Austin, TX", "CEO": "Dana Ortiz"}
						  },
						  "organic": [
						    {"title": "%2$s | Logistics workflow automation", "link": "https://%1$s/",
						     "snippet": "Automate dispatch, tracking and billing in one place.",
						     "sitelinks": [{"title": "Pricing", "link": "https://%1$s/pricing"}], "position": 1},
						    {"title": "%2$s raises $20M Series B", "link": "https://techcrunch.com/2025/02/10/x",
						     "snippet": "%2$s raised $20M to expand into Europe.", "date": "Feb 10, 2025", "position": 2}
						  ],
						  "peopleAlsoAsk": [{"question": "Who owns %2$s?", "snippet": "Private.", "title": "About", "link": "https://%1$s/about"}],
						  "credits": 1
						}"""
					.formatted(domain, company)
					.replace("\"q\": \"" + domain + "\"", "\"q\": " + quoted(query)));
	}

	/**
	 * Groq: a company summary or the person's research from the search findings in the
	 * prompt; an opener naming the researched person.
	 */
	public static MockResponse answerFor(FakeProviders.ChatCall call) {
		if (call.isCompanySummary()) {
			return chatCompletion(companyFrom(call.firstUserMessage()));
		}
		if (call.system().equals(Prompts.PERSON_FIT_SYSTEM)) {
			var research = researchFrom(call.firstUserMessage());
			return chatCompletion(research.substring(0, research.length() - 1)
					+ ",\"fit\":{\"score\":82,\"tier\":\"hot\",\"why\":\"Runs growth at a logistics SaaS\"}}");
		}
		return call.json() ? chatCompletion(researchFrom(call.firstUserMessage()))
				: chatCompletion(openerFrom(call.firstUserMessage()));
	}

	public static String companyFrom(String prompt) {
		var company = COMPANY.matcher(prompt);
		return company(company.find() ? company.group(1) : "");
	}

	public static String company(String name) {
		return """
				{"name":"%s","info":["Raised $20M Series B","Expanding into Europe"],\
				"moat":"One workflow for dispatch, tracking and billing"}""".formatted(name);
	}

	public static String researchFrom(String prompt) {
		var person = PERSON.matcher(prompt);
		var company = COMPANY.matcher(prompt);
		return research(person.find() ? person.group(1) : "", company.find() ? company.group(1) : "");
	}

	public static String research(String person, String company) {
		return """
				{"person":{"name":"%1$s","info":["Head of Growth at %2$s","Previously scaled outbound at two SaaS startups"]},\
				"company":{"name":"%2$s","info":["Raised $20M Series B","Expanding into Europe"],\
				"moat":"One workflow for dispatch, tracking and billing"}}"""
			.formatted(person, company);
	}

	public static String openerFrom(String prompt) {
		var person = RESEARCH_PERSON.matcher(prompt);
		return opener(person.find() ? person.group(1) : "there");
	}

	public static String opener(String person) {
		return "Congrats on the new role, " + person + "; building pipeline into Europe from scratch is a grind. "
				+ "We research every prospect so your reps only write to the right people.";
	}

	/** A chat.completion exactly as Groq's OpenAI-compatible endpoint returns it. */
	public static MockResponse chatCompletion(String content) {
		return chatCompletion(content, 812, 164);
	}

	public static MockResponse chatCompletion(String content, long promptTokens, long completionTokens) {
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.setHeader("x-ratelimit-limit-requests", "1000")
			.setHeader("x-ratelimit-remaining-requests", "999")
			.setHeader("x-ratelimit-reset-requests", "86.4ms")
			.setHeader("x-ratelimit-limit-tokens", "250000")
			.setHeader("x-ratelimit-remaining-tokens", "249024")
			.setHeader("x-ratelimit-reset-tokens", "245.76ms")
			.setHeader("x-groq-region", "us-east-1")
			.body("""
					{"id":"chatcmpl-9e5a4f2c-6f0e-4b8e-9d0a-1c2f3e4d5b6a","object":"chat.completion","created":1735689600,\
					"model":"openai/gpt-oss-120b","choices":[{"index":0,"message":{"role":"assistant","content":%s,\
					"reasoning":"The user wants a concise answer grounded in the findings."},"logprobs":null,"finish_reason":"stop"}],\
					"usage":{"queue_time":0.041,"prompt_tokens":%d,"prompt_time":0.018,"completion_tokens":%d,\
					"completion_time":0.31,"total_tokens":%d,"total_time":0.328},"usage_breakdown":null,\
					"system_fingerprint":"fp_a09bde29de","x_groq":{"id":"req_01jh7c2x4sf0v9q2n8m3k5p6r7"},"service_tier":"on_demand"}"""
				.formatted(JsonMapper.shared().writeValueAsString(content), promptTokens, completionTokens,
						promptTokens + completionTokens))
			.build();
	}

	public static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	/**
	 * A 200 whose JSON body streams 1 GiB without a declared length, written as it is
	 * read: what a broken or hostile host sends a client that reads everything.
	 */
	public static MockResponse endlessJson() {
		byte[] item = "{\"title\":\"again\",\"snippet\":\"and again\"},".getBytes(StandardCharsets.UTF_8);
		return new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body(new MockResponseBody() {
				@Override
				public long getContentLength() {
					return -1;
				}

				@Override
				public void writeTo(BufferedSink sink) throws IOException {
					sink.writeUtf8("{\"organic\":[");
					for (long written = 0; written < (1L << 30); written += item.length) {
						sink.write(item);
					}
					sink.writeUtf8("{}]}");
				}
			})
			.build();
	}

	/**
	 * Answers the person's research and opener calls from scripts: each call takes the
	 * next answer, the last one repeats. Company summaries come from the search findings.
	 */
	public static Function<FakeProviders.ChatCall, MockResponse> scripted(List<String> research, List<String> openers) {
		var researchCalls = new AtomicInteger();
		var openerCalls = new AtomicInteger();
		return call -> call.isCompanySummary() ? answerFor(call)
				: call.json()
						? chatCompletion(research.get(Math.min(researchCalls.getAndIncrement(), research.size() - 1)))
						: chatCompletion(openers.get(Math.min(openerCalls.getAndIncrement(), openers.size() - 1)));
	}

	private static String capitalized(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
