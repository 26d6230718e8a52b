package io.leadline.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.jobs.EnrichmentLauncher;

@Command(name = "stop", mixinStandardHelpOptions = true,
		description = "Ask a running job to stop after its current chunks; restart it later to finish.")
class StopCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB_ID")
	UUID jobId;

	private final Engine engine;

	StopCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() throws Exception {
		var execution = engine.bean(EnrichmentLauncher.class).stop(jobId);
		spec.commandLine()
			.getOut()
			.printf("job %s: %s%n", jobId, execution.getStatus().isRunning()
					? "stop requested; it stops after its current chunks" : "its process was gone; marked failed");
		return 0;
	}

}
