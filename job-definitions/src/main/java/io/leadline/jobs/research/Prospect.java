package io.leadline.jobs.research;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the list knows about one prospect: the cleaned email and, when the list has them,
 * name, company, title, website, LinkedIn URL and location ("" when absent). Research
 * searches with these and hands them to the model as known facts.
 *
 * <pre>{@code
 * Prospect.ofEmail("ann@acme.io").withName("Ann", "Lee", "").withCompany("Acme", "acme.io").withTitle("CFO");
 * }</pre>
 */
public record Prospect(String email, String firstName, String lastName, String fullName, String company, String title,
		String website, String linkedin, String location) {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

	public Prospect {
		Objects.requireNonNull(email, "email");
		email = email.strip();
		var at = email.lastIndexOf('@');
		if (at < 1 || at == email.length() - 1) {
			throw new IllegalArgumentException("not an email address: " + email);
		}
		firstName = clean(firstName);
		lastName = clean(lastName);
		fullName = clean(fullName);
		company = clean(company);
		title = clean(title);
		website = clean(website);
		linkedin = clean(linkedin);
		location = clean(location);
	}

	public static Prospect ofEmail(String email) {
		return new Prospect(email, "", "", "", "", "", "", "", "");
	}

	public Prospect withName(String first, String last, String full) {
		return new Prospect(email, first, last, full, company, title, website, linkedin, location);
	}

	public Prospect withCompany(String name, String site) {
		return new Prospect(email, firstName, lastName, fullName, name, title, site, linkedin, location);
	}

	public Prospect withTitle(String jobTitle) {
		return new Prospect(email, firstName, lastName, fullName, company, jobTitle, website, linkedin, location);
	}

	public Prospect withLinkedin(String url, String where) {
		return new Prospect(email, firstName, lastName, fullName, company, title, website, url, where);
	}

	/** The person's name as the list gives it, full name first; "" when unknown. */
	public String name() {
		if (!fullName.isEmpty()) {
			return fullName;
		}
		return (firstName + " " + lastName).strip();
	}

	public String localPart() {
		return email.substring(0, email.lastIndexOf('@'));
	}

	public String mailDomain() {
		return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

	public Mailbox mailbox() {
		return Mailbox.of(email);
	}

	/**
	 * The company's web domain: the website column's host, else the mail domain of a work
	 * or role address; empty for a free-mail address without a website.
	 */
	public Optional<String> companyDomain() {
		var site = host(website);
		if (site.isPresent()) {
			return site;
		}
		return mailbox() == Mailbox.FREE_MAIL ? Optional.empty() : Optional.of(mailDomain());
	}

	/**
	 * What identifies the company within a job, so its contacts share one research: the
	 * normalized domain, else the normalized name; empty when the row names no company.
	 */
	public Optional<String> companyKey() {
		var domain = companyDomain();
		if (domain.isPresent()) {
			return domain;
		}
		var name = NOT_ALNUM.matcher(company.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
		return name.isEmpty() ? Optional.empty() : Optional.of("name:" + name);
	}

	public boolean hasCompany() {
		return companyKey().isPresent();
	}

	// why: a website cell may hold "acme.io", "https://www.acme.io/about" or a LinkedIn
	// company page, which is no website
	static Optional<String> host(String site) {
		if (site.isEmpty()) {
			return Optional.empty();
		}
		var withScheme = site.contains("://") ? site : "https://" + site;
		try {
			var host = URI.create(SPACES.matcher(withScheme).replaceAll("")).getHost();
			if (host == null || !host.contains(".")) {
				return Optional.empty();
			}
			host = host.toLowerCase(Locale.ROOT);
			host = host.startsWith("www.") ? host.substring(4) : host;
			return host.endsWith("linkedin.com") || Mailbox.isFreeMail(host) ? Optional.empty() : Optional.of(host);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static String clean(String value) {
		return value == null ? "" : SPACES.matcher(value).replaceAll(" ").strip();
	}

}
