package io.leadline.app.billing;

import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids of Stripe events already applied. Recording one is the first write of the
 * transaction that applies the event, so of two deliveries of one event the second waits
 * for the first and then fails on the primary key: at most one of them applies.
 */
class StripeEvents {

	private final JdbcClient jdbc;

	StripeEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean seen(String eventId) {
		return jdbc.sql("select count(*) from stripe_events where id = :id")
			.param("id", eventId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when the event was recorded
	 * already
	 */
	void record(String eventId, String type) {
		jdbc.sql("insert into stripe_events (id, type, received_at) values (:id, :type, :at)")
			.param("id", eventId)
			.param("type", type)
			.param("at", LocalDateTime.now())
			.update();
	}

}
