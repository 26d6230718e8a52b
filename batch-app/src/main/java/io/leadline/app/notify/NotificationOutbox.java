package io.leadline.app.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events waiting to be sent ({@code notify_events}). Enqueuing is once per job state
 * change by a unique constraint; sending starts with a claim, a conditional update only
 * one instance wins, held until {@code claimed_until} so a sender that died is taken over
 * after that.
 */
@Component
class NotificationOutbox {

	enum State {

		PENDING, SENDING, DELIVERED, GAVE_UP, CANCELLED;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static State of(String column) {
			return valueOf(column.toUpperCase(Locale.ROOT));
		}

	}

	/** An event this instance holds the claim of, with where and how to send it. */
	record Claimed(String eventId, String accountId, String payload, int attempt, Instant createdAt,
			Instant claimedUntil, Optional<WebhookEndpoints.Endpoint> endpoint) {
	}

	private static final String DUE = "(state = 'pending' and next_attempt_at <= :now)"
			+ " or (state = 'sending' and claimed_until < :now)";

	private final JdbcClient jdbc;

	NotificationOutbox(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * @param stateKey what changed, unique per job ({@code <execution id>:<status>})
	 * @return false when this state change was enqueued before (by this or another
	 * process)
	 */
	boolean enqueue(UUID eventId, String accountId, UUID jobId, String stateKey, String payload, Instant now) {
		try {
			jdbc.sql("insert into notify_events (event_id, account_id, job_id, state_key, payload, state, attempts,"
					+ " created_at, next_attempt_at) values (:id, :account, :job, :key, :payload, 'pending', 0, :now, :now)")
				.param("id", eventId.toString())
				.param("account", accountId)
				.param("job", jobId.toString())
				.param("key", stateKey)
				.param("payload", payload)
				.param("now", Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException alreadyEnqueued) {
			return false;
		}
	}

	/** Events due now: pending ones whose time has come, and claims of senders gone. */
	List<String> due(Instant now, int limit) {
		return jdbc.sql("select event_id from notify_events where " + DUE + " order by next_attempt_at limit :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Claims a due event until {@code until}; of several instances exactly one wins.
	 * @return the event with its endpoint, or empty when it is not due or another
	 * instance claimed it first
	 */
	Optional<Claimed> claim(String eventId, Instant now, Instant until) {
		int claimed = jdbc
			.sql("update notify_events set state = 'sending', claimed_until = :until, attempts = attempts + 1"
					+ " where event_id = :id and (" + DUE + ")")
			.param("until", Timestamp.from(until.truncatedTo(ChronoUnit.MILLIS)))
			.param("id", eventId)
			.param("now", Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		return jdbc
			.sql("select e.event_id, e.account_id, e.payload, e.attempts, e.created_at, e.claimed_until,"
					+ " p.url, p.secret, p.updated_at from notify_events e"
					+ " left join notify_endpoints p on p.account_id = e.account_id where e.event_id = :id")
			.param("id", eventId)
			.query(NotificationOutbox::claimed)
			.optional();
	}

	void delivered(Claimed event, Instant now) {
		finish(event, "state = 'delivered', delivered_at = :at, last_error = null", now, null);
	}

	void retryAt(Claimed event, Instant next, String error) {
		finish(event, "state = 'pending', next_attempt_at = :at, last_error = :error", next, error);
	}

	void gaveUp(Claimed event, Instant now, String error) {
		finish(event, "state = 'gave_up', last_error = :error", now, error);
	}

	void cancelled(Claimed event, Instant now, String why) {
		finish(event, "state = 'cancelled', last_error = :error", now, why);
	}

	/** Events not sent yet are dropped, e.g. when the account removes its webhook. */
	int cancelPending(String accountId) {
		return jdbc
			.sql("update notify_events set state = 'cancelled', last_error = 'the webhook was removed'"
					+ " where account_id = :account and state = 'pending'")
			.param("account", accountId)
			.update();
	}

	/** The account's newest events, newest first. */
	List<WebhookEvent> recent(String accountId, int limit) {
		return jdbc
			.sql("select event_id, job_id, state_key, state, attempts, created_at, next_attempt_at, delivered_at,"
					+ " last_error from notify_events where account_id = :account order by created_at desc limit :limit")
			.param("account", accountId)
			.param("limit", limit)
			.query((rs, n) -> new WebhookEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
					rs.getString(9)))
			.list();
	}

	Optional<State> state(String eventId) {
		return jdbc.sql("select state from notify_events where event_id = :id")
			.param("id", eventId)
			.query(String.class)
			.optional()
			.map(State::of);
	}

	/** Records the outcome, only while this claim still holds (not taken over). */
	private void finish(Claimed event, String set, Instant at, String error) {
		jdbc.sql("update notify_events set " + set + ", claimed_until = null"
				+ " where event_id = :id and state = 'sending' and claimed_until = :until")
			.param("at", Timestamp.from(at))
			.param("error", error == null ? null : truncated(error))
			.param("id", event.eventId())
			.param("until", Timestamp.from(event.claimedUntil()))
			.update();
	}

	private static Claimed claimed(ResultSet rs, int row) throws SQLException {
		String url = rs.getString(7);
		Optional<WebhookEndpoints.Endpoint> endpoint = url == null ? Optional.empty() : Optional
			.of(new WebhookEndpoints.Endpoint(rs.getString(2), url, rs.getString(8), rs.getTimestamp(9).toInstant()));
		return new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
				rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), endpoint);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String truncated(String error) {
		String oneLine = error.replaceAll("\\p{Cntrl}", " ");
		return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 497) + "...";
	}

}
