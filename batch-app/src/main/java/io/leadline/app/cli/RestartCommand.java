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
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Restart a failed or stopped job from its last committed chunk and wait for it.")
class RestartCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB_ID")
	UUID jobId;

	private final EnrichmentLauncher launcher;

	private final JobRunMonitor monitor;

	RestartCommand(EnrichmentLauncher launcher, JobRunMonitor monitor) {
		this.launcher = launcher;
		this.monitor = monitor;
	}

	@Override
	public Integer call() throws Exception {
		return monitor.run(jobId, () -> launcher.restart(jobId), spec.commandLine().getOut());
	}

}
