package io.leadline.app.cli;

import java.time.Duration;

import io.leadline.app.jobs.JobView;

/** "1,234 / 50,000 rows (2.5%) · 312 rows/s · ETA 2m 36s" */
final class ProgressLine {

	private ProgressLine() {
	}

	static String of(JobView view) {
		double seconds = view.elapsed().toMillis() / 1000.0;
		double rate = seconds > 0 ? view.rowsDone() / seconds : 0;
		StringBuilder line = new StringBuilder(
				"%,d / %,d rows (%.1f%%)".formatted(view.rowsDone(), view.rowsTotal(), view.percent()));
		if (rate > 0) {
			line.append(" · %,.0f rows/s".formatted(rate));
			long left = Math.max(0, view.rowsTotal() - view.rowsDone());
			if (left > 0) {
				line.append(" · ETA ").append(human(Duration.ofSeconds((long) Math.ceil(left / rate))));
			}
		}
		line.append(" · ").append(view.state().label());
		return line.toString();
	}

	static String human(Duration d) {
		if (d.toHours() > 0) {
			return "%dh %02dm".formatted(d.toHours(), d.toMinutesPart());
		}
		if (d.toMinutes() > 0) {
			return "%dm %02ds".formatted(d.toMinutes(), d.toSecondsPart());
		}
		return "%.1fs".formatted(d.toMillis() / 1000.0);
	}

}
