/**
 * Credits: one per data row. Accounts and an append-only ledger whose sum is always the
 * balance; a job reserves its rows before it runs, is charged for {@code ok} rows only
 * when it completes, and gives back what it did not use (settle), or everything when
 * abandoned (release).
 */
package io.leadline.jobs.credits;
