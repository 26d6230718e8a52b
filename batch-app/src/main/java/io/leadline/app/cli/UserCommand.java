package io.leadline.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.security.LocalUser;
import io.leadline.app.security.LocalUsers;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage web app accounts.",
		subcommands = UserCommand.Add.class)
class UserCommand {

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Create a web account (email + password) and print its first password.")
	static class Add implements Callable<Integer> {

		private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "EMAIL", description = "the person's email; signs in with it")
		String email;

		@Option(names = "--admin", description = "may grant credits, add accounts and act on every job")
		boolean admin;

		@Option(names = "--password-stdin",
				description = "read the password from standard input instead of generating one")
		boolean passwordFromStdin;

		private final Engine engine;

		Add(Engine engine) {
			this.engine = engine;
		}

		@Override
		public Integer call() throws IOException {
			String password = passwordFromStdin ? readPassword() : generated();
			LocalUser user = engine.bean(LocalUsers.class).create(email, password, admin);
			var out = spec.commandLine().getOut();
			out.printf("created %s%s (account %s)%n", user.email(), user.admin() ? " as admin" : "", user.accountId());
			if (!passwordFromStdin) {
				out.println("password: " + password + "   (shown only now; sign in with it at the address"
						+ " './leadline serve' prints)");
			}
			return 0;
		}

		private static String readPassword() throws IOException {
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return line == null ? "" : line.strip();
		}

		// why: a generated first password is long enough and never lands in shell history
		private static String generated() {
			SecureRandom random = new SecureRandom();
			StringBuilder password = new StringBuilder();
			for (int i = 0; i < 16; i++) {
				password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			return password.toString();
		}

	}

}
