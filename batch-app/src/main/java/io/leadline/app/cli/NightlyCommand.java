package io.leadline.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.schedule.NightlyInbox;

@Command(name = "nightly", mixinStandardHelpOptions = true,
		description = "Sweep the inbox (inbox/{owner}/ in the object store) as the nightly schedule does.")
class NightlyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--now", required = true, description = "run one sweep now, running its jobs to the end")
	boolean now;

	private final Engine engine;

	NightlyCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		var handled = engine.bean(NightlyInbox.class).sweep();
		if (handled.isEmpty()) {
			out.println("inbox is empty");
		}
		handled.forEach(h -> out.printf("%s: %s (job %s)%n", h.key(), h.describe(), h.jobId()));
		return 0;
	}

}
