package io.leadline.app.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import io.leadline.app.jobs.JobState;
import io.leadline.app.jobs.JobView;

/**
 * One job as a card or table row on a page: progress with rate and time left, and which
 * actions it allows. Public, like every record a template reads: SpEL calls public
 * methods only.
 */
public record JobCard(UUID id, String fileName, String owner, JobState state, long total, long done, int percent,
		String rate, String eta, LocalDateTime started, String elapsed, String error) {

	static JobCard of(JobView view) {
		double seconds = view.elapsed() == null ? 0 : view.elapsed().toMillis() / 1000.0;
		double perSecond = seconds > 0 ? view.rowsDone() / seconds : 0;
		long left = Math.max(0, view.rowsTotal() - view.rowsDone());
		boolean live = view.state() == JobState.RUNNING;
		return new JobCard(view.jobId(), view.fileName(), view.owner(), view.state(), view.rowsTotal(), view.rowsDone(),
				(int) Math.floor(view.percent()), perSecond > 0 ? "%,.1f rows/s".formatted(perSecond) : "—",
				live && perSecond > 0 ? duration(Duration.ofSeconds((long) Math.ceil(left / perSecond))) : "—",
				view.started(), duration(view.elapsed()), view.error());
	}

	/** Still moving: the page keeps asking for news. */
	public boolean live() {
		return state == JobState.QUEUED || state == JobState.RUNNING;
	}

	public boolean downloadable() {
		return state == JobState.COMPLETED;
	}

	public boolean stoppable() {
		return live();
	}

	public boolean restartable() {
		return state == JobState.FAILED || state == JobState.STOPPED;
	}

	public boolean abandonable() {
		return restartable();
	}

	public boolean deletable() {
		return !live();
	}

	public String stateLabel() {
		return switch (state) {
			case QUEUED -> "Queued";
			case RUNNING -> "In progress";
			case COMPLETED -> "Completed";
			case FAILED -> "Failed";
			case STOPPED -> "Stopped";
			case ABANDONED -> "Abandoned";
		};
	}

	static String duration(Duration duration) {
		if (duration == null) {
			return "—";
		}
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return "%d min %02d s".formatted(seconds / 60, seconds % 60);
		}
		return "%d h %02d min".formatted(seconds / 3600, (seconds % 3600) / 60);
	}

}
