/**
 * Reading prospect lists: sniffing a file by its content, streaming its records one at a
 * time (CSV through commons-csv, XLSX through the POI event API), normalizing headers,
 * finding and validating the email column, and spotting repeated emails in bounded
 * memory.
 *
 * <p>
 * Everything here streams: memory depends on the widest record and on the dedup table,
 * never on the number of rows.
 */
package io.leadline.jobs.input;
