package io.leadline.app.jobs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;

/**
 * The server's job slots, shared fairly between accounts: one account runs at most
 * {@code slots - 1} jobs at once (so another account's job always finds a slot or gets
 * the next one), and a freed slot goes to the waiting account with the fewest jobs
 * running, not to whoever queued the most. Batch launches jobs on this executor from the
 * caller's thread, so the launcher names the account around each launch
 * ({@link #launchingFor}).
 */
public final class JobSlots implements TaskExecutor, DisposableBean {

	private static final String UNKNOWN = "";

	private final int slots;

	private final int perAccount;

	private final int queueCapacity;

	private final ExecutorService workers;

	private final ThreadLocal<String> launching = new ThreadLocal<>();

	// guarded by this
	private final Map<String, Deque<Runnable>> waiting = new LinkedHashMap<>();

	private final Map<String, Integer> running = new HashMap<>();

	private int queued;

	private int busy;

	public JobSlots(int slots, int queueCapacity) {
		this.slots = slots;
		this.perAccount = Math.max(1, slots - 1);
		this.queueCapacity = queueCapacity;
		AtomicInteger n = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(slots,
				task -> new Thread(task, "leadline-job-" + n.incrementAndGet()));
	}

	/** Runs {@code launch} with every job it queues counted against {@code owner}. */
	public <T> T launchingFor(String owner, Callable<T> launch) throws Exception {
		launching.set(owner);
		try {
			return launch.call();
		}
		finally {
			launching.remove();
		}
	}

	@Override
	public synchronized void execute(Runnable job) {
		String owner = launching.get() == null ? UNKNOWN : launching.get();
		if (busy < slots && runningOf(owner) < perAccount) {
			start(owner, job);
			return;
		}
		if (queued >= queueCapacity) {
			throw new TaskRejectedException("all " + slots + " job slots are busy and " + queued + " jobs wait");
		}
		waiting.computeIfAbsent(owner, k -> new ArrayDeque<>()).add(job);
		queued++;
	}

	private void start(String owner, Runnable job) {
		busy++;
		running.merge(owner, 1, Integer::sum);
		workers.execute(() -> {
			try {
				job.run();
			}
			finally {
				ended(owner);
			}
		});
	}

	private synchronized void ended(String owner) {
		busy--;
		running.merge(owner, -1, (a, b) -> a + b == 0 ? null : a + b);
		while (busy < slots) {
			String next = fairestWaiting();
			if (next == null) {
				return;
			}
			Deque<Runnable> jobs = waiting.get(next);
			Runnable job = jobs.poll();
			if (jobs.isEmpty()) {
				waiting.remove(next);
			}
			queued--;
			start(next, job);
		}
	}

	/**
	 * The waiting account below its share with the fewest jobs running; the one waiting
	 * longest among equals.
	 */
	private String fairestWaiting() {
		String fairest = null;
		for (String owner : waiting.keySet()) {
			if (runningOf(owner) < perAccount && (fairest == null || runningOf(owner) < runningOf(fairest))) {
				fairest = owner;
			}
		}
		return fairest;
	}

	private int runningOf(String owner) {
		return running.getOrDefault(owner, 0);
	}

	@Override
	public void destroy() {
		workers.shutdownNow();
	}

}
