package io.leadline.app.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.security.TokenMinter;

@Command(name = "token", mixinStandardHelpOptions = true,
		description = "Print a bearer token for the API, signed with LEADLINE_JWT_SECRET (for operators and local testing).")
class TokenCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--sub", required = true, paramLabel = "ACCOUNT",
			description = "the account id (the token's subject)")
	String subject;

	@Option(names = "--admin", description = "add the admin role")
	boolean admin;

	@Option(names = "--hours", defaultValue = "12",
			description = "hours the token is valid, at most 720 (default: ${DEFAULT-VALUE})")
	long hours;

	private final Engine engine;

	TokenCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() {
		TokenMinter.Minted minted = engine.bean(TokenMinter.class).mint(subject, admin, Duration.ofHours(hours));
		spec.commandLine().getOut().println(minted.token());
		// why: stderr, so TOKEN=$(leadline token ...) still captures the token alone
		spec.commandLine().getErr().println("expires " + minted.expiresAt());
		return 0;
	}

}
