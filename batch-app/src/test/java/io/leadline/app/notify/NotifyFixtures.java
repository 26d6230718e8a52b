package io.leadline.app.notify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.leadline.app.ShippedMigrations;

/** A migrated database, settings and a clock the tests move by hand. */
final class NotifyFixtures {

	private NotifyFixtures() {
	}

	static DataSource migratedDatabase() {
		return ShippedMigrations.freshDatabase("notify");
	}

	/** Retries after 30 s, 60 s, ... at most an hour apart, for a day. */
	static NotifyProperties settings() {
		return new NotifyProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1),
				Duration.ofHours(24), Duration.ofSeconds(5), Duration.ofSeconds(5), 20);
	}

	static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException e) {
			throw new IllegalArgumentException(literal, e);
		}
	}

	/** Time that passes only when a test says so. */
	static final class HandClock extends Clock {

		private Instant now;

		HandClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			now = instant;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
