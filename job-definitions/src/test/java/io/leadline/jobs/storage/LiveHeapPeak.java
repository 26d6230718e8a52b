package io.leadline.jobs.storage;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap in use right after any garbage collection: at most what a program kept
 * alive, as only a young collection's leftover old garbage adds to it. Peak "used" heap
 * says little, as it only shows how full the heap got before a collection.
 */
final class LiveHeapPeak {

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter(pool -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final AtomicLong peak = new AtomicLong();

	private LiveHeapPeak() {
	}

	/** Starts watching every collection from now on. */
	static LiveHeapPeak watch() {
		LiveHeapPeak watcher = new LiveHeapPeak();
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) collector)
				.addNotificationListener((notification, handback) -> watcher.seen(notification), null, null);
		}
		return watcher;
	}

	/**
	 * Bytes; collections are reported asynchronously, so one that just ended may not
	 * count yet.
	 */
	long bytes() {
		return peak.get();
	}

	private void seen(Notification notification) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
		long live = info.getMemoryUsageAfterGc()
			.entrySet()
			.stream()
			.filter(pool -> heapPools.contains(pool.getKey()))
			.mapToLong(pool -> pool.getValue().getUsed())
			.sum();
		peak.accumulateAndGet(live, Math::max);
	}

}
