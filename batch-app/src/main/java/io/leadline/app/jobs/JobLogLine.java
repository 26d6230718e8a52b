package io.leadline.app.jobs;

import java.time.LocalDateTime;

/** One line of a job's log. */
public record JobLogLine(LocalDateTime at, String message) {
}
