package io.leadline.app.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each account's webhook ({@code notify_endpoints}): its URL and the secret that signs
 * its events.
 */
@Component
class WebhookEndpoints {

	/** An account's webhook. The secret is for signing; it is never shown again. */
	record Endpoint(String accountId, String url, String secret, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookEndpoints(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = Clock.systemUTC();
	}

	/**
	 * Sets the account's webhook URL with a new secret: setting it again rotates the
	 * secret.
	 * @return the endpoint with its new secret, to be shown once
	 */
	@Transactional
	Endpoint set(String accountId, String url) {
		Endpoint endpoint = new Endpoint(accountId, url, WebhookSignature.newSecret(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS));
		int updated = jdbc
			.sql("update notify_endpoints set url = :url, secret = :secret, updated_at = :at"
					+ " where account_id = :account")
			.param("url", endpoint.url())
			.param("secret", endpoint.secret())
			.param("at", Timestamp.from(endpoint.updatedAt()))
			.param("account", accountId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into notify_endpoints (account_id, url, secret, updated_at)"
					+ " values (:account, :url, :secret, :at)")
				.param("account", accountId)
				.param("url", endpoint.url())
				.param("secret", endpoint.secret())
				.param("at", Timestamp.from(endpoint.updatedAt()))
				.update();
		}
		return endpoint;
	}

	Optional<Endpoint> find(String accountId) {
		return jdbc.sql("select account_id, url, secret, updated_at from notify_endpoints where account_id = :account")
			.param("account", accountId)
			.query((rs, n) -> new Endpoint(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/**
	 * @return whether the account had a webhook
	 */
	boolean delete(String accountId) {
		return jdbc.sql("delete from notify_endpoints where account_id = :account")
			.param("account", accountId)
			.update() > 0;
	}

}
