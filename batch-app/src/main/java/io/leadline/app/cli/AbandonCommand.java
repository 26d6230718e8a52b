package io.leadline.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.jobs.EnrichmentLauncher;

@Command(name = "abandon", mixinStandardHelpOptions = true,
		description = "Give up a failed or stopped job for good (a crashed run is recovered first).")
class AbandonCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB_ID")
	UUID jobId;

	private final Engine engine;

	AbandonCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() throws Exception {
		engine.bean(EnrichmentLauncher.class).abandon(jobId);
		spec.commandLine().getOut().printf("job %s abandoned%n", jobId);
		return 0;
	}

}
