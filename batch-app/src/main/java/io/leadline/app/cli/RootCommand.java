package io.leadline.app.cli;

import picocli.CommandLine.Command;

@Command(name = "leadline", mixinStandardHelpOptions = true, version = "Leadline 0.1",
		description = "Turns prospect lists into research-backed, personalized opening lines.",
		subcommands = { EnrichCommand.class, JobsCommand.class, ShowCommand.class, RestartCommand.class,
				StopCommand.class, AbandonCommand.class, NightlyCommand.class, TokenCommand.class, UserCommand.class,
				EvaluateCommand.class },
		footer = "%nStart the web app and the REST API with: leadline serve")
class RootCommand {

}
