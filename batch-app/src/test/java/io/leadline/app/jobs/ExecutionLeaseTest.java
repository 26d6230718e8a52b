package io.leadline.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ExecutionLeaseTest {

	static final String HOST = "leadline-app-1";

	static final Duration STALE_AFTER = Duration.ofSeconds(30);

	final Instant now = Instant.now();

	final ProcessHandle self = ProcessHandle.current();

	final Instant selfStarted = self.info().startInstant().orElseThrow();

	@Test
	void theProcessThatTookTheLeaseHoldsIt() {
		var lease = new ExecutionLease(1, HOST, self.pid(), selfStarted, now.minusSeconds(3600));

		assertThat(lease.isLive(HOST, now, STALE_AFTER)).as("alive, however old its heartbeat").isTrue();
	}

	@Test
	void aNewProcessThatGotADeadHoldersPidDoesNotHoldItsLease() {
		// why: a restarted container keeps its hostname and its JVM often gets the same
		// small pid
		var lease = new ExecutionLease(1, HOST, self.pid(), selfStarted.minus(Duration.ofMinutes(10)), now);

		assertThat(lease.isLive(HOST, now, STALE_AFTER)).isFalse();
	}

	@Test
	void aLeaseOfAProcessThatExitedIsNotLive() throws Exception {
		Process exited = new ProcessBuilder("true").start();
		exited.waitFor();
		var lease = new ExecutionLease(1, HOST, exited.pid(), exited.info().startInstant().orElse(now), now);

		assertThat(lease.isLive(HOST, now, STALE_AFTER)).isFalse();
	}

	@Test
	void fromAnotherHostOnlyTheHeartbeatTells() {
		var fresh = new ExecutionLease(1, "leadline-app-2", 1, selfStarted, now.minusSeconds(10));
		var stale = new ExecutionLease(2, "leadline-app-2", 1, selfStarted, now.minusSeconds(31));

		assertThat(fresh.isLive(HOST, now, STALE_AFTER)).isTrue();
		assertThat(stale.isLive(HOST, now, STALE_AFTER)).isFalse();
	}

}
