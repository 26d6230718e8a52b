package io.leadline.app.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A process holding something (a job execution, an inbox file being started): host,
 * process id, when that process started, and when it last said so. It is live while its
 * process is: checked directly on the same host, by the age of its last word from another
 * one.
 *
 * @param processStartedAt null on leases written before it was recorded
 */
public record ProcessLease(String host, long pid, Instant processStartedAt, Instant seenAt) {

	/**
	 * Start instants come from the OS in clock ticks; two readings of one process agree
	 * well within this.
	 */
	private static final Duration SAME_START = Duration.ofSeconds(1);

	private static final String THIS_HOST = hostName();

	/** This process, seen now. */
	public static ProcessLease thisProcess(Instant now) {
		ProcessHandle self = ProcessHandle.current();
		return new ProcessLease(THIS_HOST, self.pid(), self.info().startInstant().orElse(null), now);
	}

	public static String thisHost() {
		return THIS_HOST;
	}

	public boolean isLive(String thisHost, Instant now, Duration staleAfter) {
		boolean fresh = seenAt.isAfter(now.minus(staleAfter));
		if (!host.equals(thisHost)) {
			return fresh;
		}
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.map(process -> isHolder(process, fresh))
			.orElse(false);
	}

	public String describe() {
		return "pid %d on %s".formatted(pid, host);
	}

	/**
	 * why: a live process with the lease's pid may be a newcomer that got a dead holder's
	 * pid (a restarted container)
	 */
	private boolean isHolder(ProcessHandle process, boolean fresh) {
		if (processStartedAt == null) {
			return true;
		}
		Optional<Instant> started = process.info().startInstant();
		return started.map(at -> Duration.between(at, processStartedAt).abs().compareTo(SAME_START) < 0).orElse(fresh);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "unknown-host";
		}
	}

}
