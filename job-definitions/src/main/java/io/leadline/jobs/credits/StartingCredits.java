package io.leadline.jobs.credits;

/**
 * Credits a new account gets when {@code LEADLINE_STARTING_CREDITS} is unset. The
 * application supplies one (the free plan while billing is on); without it, none.
 */
public record StartingCredits(long credits) {

	static final StartingCredits NONE = new StartingCredits(0);

	public StartingCredits {
		if (credits < 0) {
			throw new IllegalArgumentException("starting credits cannot be negative: " + credits);
		}
	}

}
