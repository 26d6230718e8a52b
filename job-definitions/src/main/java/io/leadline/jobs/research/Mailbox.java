package io.leadline.jobs.research;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who an address reaches: a person at their employer ({@link #WORK}), a person at a
 * consumer mail provider ({@link #FREE_MAIL}: the domain says nothing about a company),
 * or a team's shared mailbox ({@link #ROLE}: there is no person to research). The lists
 * are resource files ({@code free-mail-domains.txt}, {@code role-addresses.txt}) so they
 * are maintained without touching code.
 */
public enum Mailbox {

	WORK, FREE_MAIL, ROLE;

	private static final Lists LISTS = Lists.load();

	/** Classifies a cleaned address ({@code local@domain}). */
	public static Mailbox of(String email) {
		var at = email.lastIndexOf('@');
		var local = email.substring(0, Math.max(at, 0));
		var domain = email.substring(at + 1);
		if (isFreeMail(domain)) {
			return FREE_MAIL;
		}
		return isRole(local) ? ROLE : WORK;
	}

	static boolean isFreeMail(String domain) {
		var host = domain.strip().toLowerCase(Locale.ROOT);
		if (LISTS.freeMail.contains(host)) {
			return true;
		}
		// why: "yahoo.*" covers yahoo.fr and yahoo.co.uk alike: the brand is the first
		// label
		var dot = host.indexOf('.');
		return dot > 0 && LISTS.freeMailBrands.contains(host.substring(0, dot));
	}

	static boolean isRole(String localPart) {
		var local = localPart.toLowerCase(Locale.ROOT);
		var plus = local.indexOf('+');
		if (plus >= 0) {
			local = local.substring(0, plus);
		}
		return LISTS.roles.contains(local.replaceAll("[._-]", ""));
	}

	private record Lists(Set<String> freeMail, Set<String> freeMailBrands, Set<String> roles) {

		static Lists load() {
			var domains = new HashSet<String>();
			var brands = new HashSet<String>();
			for (var line : lines("free-mail-domains.txt")) {
				if (line.endsWith(".*")) {
					brands.add(line.substring(0, line.length() - 2));
				}
				else {
					domains.add(line);
				}
			}
			return new Lists(Set.copyOf(domains), Set.copyOf(brands), Set.copyOf(lines("role-addresses.txt")));
		}

		private static Set<String> lines(String resource) {
			var stream = Mailbox.class.getResourceAsStream(resource);
			if (stream == null) {
				throw new IllegalStateException("resource " + resource + " is missing from the jar");
			}
			try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				var lines = new HashSet<String>();
				reader.lines()
					.map(String::strip)
					.filter(line -> !line.isEmpty() && !line.startsWith("#"))
					.map(line -> line.toLowerCase(Locale.ROOT))
					.forEach(lines::add);
				return lines;
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + resource, e);
			}
		}

	}

}
