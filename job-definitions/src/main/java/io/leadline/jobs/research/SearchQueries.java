package io.leadline.jobs.research;

import java.util.Optional;

/**
 * The two searches one prospect needs, built from what the list knows. The person query
 * quotes the name and anchors it with the company ({@code "Jane Doe" Acme}), or with the
 * title when there is no company; the company query names the company and its domain.
 * Without a name or company the queries are the email-derived ones ({@code "jane
 * acme.io"}, {@code "acme.io"}). A role address has no person query; a free-mail address
 * without a company has no company query.
 */
final class SearchQueries {

	private SearchQueries() {
	}

	static Optional<String> person(Prospect prospect) {
		if (prospect.mailbox() == Mailbox.ROLE) {
			return Optional.empty();
		}
		var name = prospect.name();
		var anchor = !prospect.company().isEmpty() ? prospect.company() : prospect.companyDomain().orElse("");
		if (!name.isEmpty()) {
			if (anchor.isEmpty() || !name.contains(" ")) {
				// why: without a company, or with a first name alone, the title is what
				// tells this person from the namesakes
				return Optional
					.of(join(quoted(name), anchor, prospect.title().isEmpty() ? "" : quoted(prospect.title())));
			}
			return Optional.of(join(quoted(name), anchor));
		}
		if (prospect.mailbox() == Mailbox.WORK && prospect.company().isEmpty()) {
			return Optional.of(prospect.localPart() + " " + prospect.companyDomain().orElseThrow());
		}
		var user = prospect.localPart().replaceAll("[._]+", " ").strip();
		return Optional.of(join(user, anchor.isEmpty() ? quoted(prospect.title()) : anchor));
	}

	static Optional<String> company(Prospect prospect) {
		if (!prospect.hasCompany()) {
			return Optional.empty();
		}
		var domain = prospect.companyDomain();
		if (prospect.company().isEmpty()) {
			return domain;
		}
		return Optional.of(domain.map(site -> join(prospect.company(), site)).orElse(quoted(prospect.company())));
	}

	private static String quoted(String text) {
		return text.isEmpty() ? "" : "\"" + text.replace("\"", "") + "\"";
	}

	private static String join(String... parts) {
		var joined = new StringBuilder();
		for (var part : parts) {
			if (!part.isEmpty()) {
				joined.append(joined.isEmpty() ? "" : " ").append(part);
			}
		}
		return joined.toString();
	}

}
