package io.leadline.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.jobs.EnrichmentLauncher;

@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Restart a failed or stopped job from its last committed chunk and wait for it.")
class RestartCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB_ID")
	UUID jobId;

	private final Engine engine;

	RestartCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() throws Exception {
		EnrichmentLauncher launcher = engine.bean(EnrichmentLauncher.class);
		return engine.bean(JobRunMonitor.class).run(jobId, () -> launcher.restart(jobId), spec.commandLine().getOut());
	}

}
