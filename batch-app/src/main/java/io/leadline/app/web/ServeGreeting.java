package io.leadline.app.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.leadline.app.security.AccessProperties;
import io.leadline.app.security.LocalUsers;

/**
 * Tells the person who ran {@code ./leadline serve} where to go, and, while there is no
 * account yet, how to create the first one.
 */
@Component
@ConditionalOnWebApplication
class ServeGreeting {

	private final LocalUsers users;

	private final AccessProperties access;

	ServeGreeting(LocalUsers users, AccessProperties access) {
		this.users = users;
		this.access = access;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		StringBuilder text = new StringBuilder().append("\n  Leadline is running: open http://localhost:")
			.append(web.getWebServer().getPort())
			.append("/ in your browser\n");
		if (users.all().isEmpty()) {
			text.append("  No accounts yet. Create the first one (it prints its password):\n")
				.append("    ./leadline user add you@example.com --admin\n");
			if (access.signupOpen()) {
				text.append("  or sign up on the page (LEADLINE_SIGNUP=open)\n");
			}
		}
		// why: this is for the person at the terminal, not for the log file
		System.out.println(text);
	}

}
