package io.leadline.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.jobs.EnrichmentLauncher;

@Component
@Command(name = "abandon", mixinStandardHelpOptions = true,
		description = "Give up a failed or stopped job for good (a crashed run is recovered first).")
class AbandonCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB_ID")
	UUID jobId;

	private final EnrichmentLauncher launcher;

	AbandonCommand(EnrichmentLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() throws Exception {
		launcher.abandon(jobId);
		spec.commandLine().getOut().printf("job %s abandoned%n", jobId);
		return 0;
	}

}
