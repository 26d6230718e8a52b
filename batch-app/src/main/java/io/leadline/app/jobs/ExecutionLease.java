package io.leadline.app.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * Who runs a job execution: host, process id and the last heartbeat. A lease is live while its
 * process is: checked directly on the same host, by heartbeat age from another one.
 */
public record ExecutionLease(long executionId, String host, long pid, Instant heartbeatAt) {

	boolean isLive(String thisHost, Instant now, Duration staleAfter) {
		if (host.equals(thisHost)) {
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		return heartbeatAt.isAfter(now.minus(staleAfter));
	}

	public String describe() {
		return "pid %d on %s".formatted(pid, host);
	}
}
