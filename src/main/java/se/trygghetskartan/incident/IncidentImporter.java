package se.trygghetskartan.incident;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.incident.IncidentImports.Progress;
import se.trygghetskartan.system.CsvRecords;
import se.trygghetskartan.system.DatabaseFailures;
import se.trygghetskartan.system.InvalidValueException;
import se.trygghetskartan.system.Reason;
import se.trygghetskartan.system.Rejections;
import se.trygghetskartan.system.Rejections.Rejection;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Runs incident imports: the file sent is kept in a temporary file (its header checked before the
 * import starts, so a wrong file fails at once), then read record by record (never the whole file in
 * memory, {@link IncidentCsv} for each) and stored in batches in the background, the import's record
 * brought up to date after each. Good lines are kept; each bad line is counted and (the first
 * {@value Rejections#KEPT}) reported with its number and reason, values in reasons cut short.
 */
@Component
class IncidentImporter {

	static final int BATCH = 1000;

	private static final Duration RECORD_FAILURE_FOR = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(IncidentImporter.class);

	private final IncidentStore store;

	private final IncidentImports imports;

	private final IncidentImportMetrics metrics;

	private final TaskExecutor executor;

	private volatile boolean stopping;

	IncidentImporter(IncidentStore store, IncidentImports imports, IncidentImportMetrics metrics,
			TaskExecutor executor) {
		this.store = store;
		this.imports = imports;
		this.metrics = metrics;
		this.executor = executor;
	}

	/** An import still "running" when the app starts was cut off by a restart. */
	@EventListener(ApplicationReadyEvent.class)
	void markInterruptedImports() {
		int interrupted = imports.markInterrupted();
		if (interrupted > 0) {
			log.warn("Marked {} interrupted incident imports as failed", interrupted);
		}
	}

	/** The app is stopping: a failure that cannot be recorded now is left to the next start. */
	@EventListener(ContextClosedEvent.class)
	void stopping() {
		stopping = true;
	}

	/**
	 * Starts importing {@code body} (read in the charset its byte order mark or {@code declared}
	 * names) as the current user; with {@code wait} it is done when this returns, else it runs in the
	 * background. Returns the import's id.
	 */
	long start(InputStream body, Charset declared, String source, boolean wait) throws IOException {
		Path file = Files.createTempFile("incidents", ".csv");
		try {
			Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
			try (CsvRecords records = new CsvRecords(Files.newInputStream(file), declared)) {
				new IncidentCsv(records.header());
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		String user = IncidentImports.user();
		long id = imports.start(source);
		if (wait) {
			run(id, file, declared, source, user);
		}
		else {
			executor.execute(() -> run(id, file, declared, source, user));
		}
		return id;
	}

	/**
	 * Imports the file into the import {@code importId}, each stored incident linked to it; the file is
	 * deleted afterwards. One batch is stored (on a thread of its own) while the next is read, so that
	 * reading and the database work at once; the next is handed over only when the one before is in.
	 */
	void run(long importId, Path file, Charset declared, String source, String user) {
		Tally tally = new Tally();
		int lastLine = 1;
		List<IncidentRow> batch = new ArrayList<>(BATCH);
		// The lines of the batch being read that were rejected: reported with those the batch's storing
		// refuses, in the order of the lines.
		List<Rejection> refused = new ArrayList<>();
		Storing storing = null;
		IncidentImportMetrics.Progress metered = metrics.started();
		ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "incident-import-" + importId));
		try (CsvRecords records = new CsvRecords(Files.newInputStream(file), declared)) {
			IncidentCsv csv = new IncidentCsv(records.header());
			while (true) {
				CsvRecords.Record record = records.next();
				if (record != null) {
					tally.lines++;
					lastLine = record.line();
					if (!record.readable()) {
						refused.add(new Rejection(record.line(), record.rejected()));
					}
					else {
						try {
							batch.add(csv.row(record.line(), record.cells()));
						}
						catch (IllegalArgumentException ex) {
							refused.add(new Rejection(record.line(), InvalidValueException.reasonOf(ex)));
						}
					}
				}
				if (batch.size() == BATCH || (record == null && !batch.isEmpty())) {
					if (storing != null) {
						storing.settle(tally);
						metered.report(tally.lines, tally.imported, tally.duplicates, tally.rejections.count());
						imports.record(importId, "running", tally.progress(), null);
					}
					List<IncidentRow> rows = batch;
					storing = new Storing(rows, refused, writer.submit(() -> store.store(importId, source, user, rows)));
					batch = new ArrayList<>(BATCH);
					refused = new ArrayList<>();
				}
				if (record == null) {
					break;
				}
			}
			if (storing != null) {
				storing.settle(tally);
			}
			refused.forEach(tally::reject);
			metered.report(tally.lines, tally.imported, tally.duplicates, tally.rejections.count());
			imports.record(importId, "done", tally.progress(), null);
			metered.finished("done");
		}
		catch (IOException | RuntimeException ex) {
			Throwable failure = ex;
			// The first line not stored: that of the batch that failed, else of the batch being read.
			int at = batch.isEmpty() ? lastLine + 1 : batch.get(0).line();
			if (storing != null && !storing.settled) {
				try {
					storing.settle(tally);
				}
				catch (RuntimeException stored) {
					failure = stored;
					at = storing.rows.get(0).line();
				}
			}
			else if (storing != null && storing.failed) {
				at = storing.rows.get(0).line();
			}
			refused.forEach(tally::reject);
			Reason message;
			if (DatabaseFailures.isOutage(failure)) {
				// Everything before the batch being stored is in; from its first line on nothing is.
				message = Reason.of(IncidentError.IMPORT_DATABASE_LOST, "line", at);
				log.warn("Incident import {} stopped at line {}: the database became unavailable", importId, at);
			}
			else {
				log.warn("Incident import {} failed", importId, failure);
				message = Reason.of(IncidentError.IMPORT_STOPPED, "line", lastLine + 1, "detail",
						String.valueOf(failure.getMessage()));
			}
			metered.finished("failed");
			recordFailure(importId, tally.progress(), message);
		}
		finally {
			writer.shutdownNow();
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete {}", file);
			}
		}
	}

	/** What an import has read and done so far. */
	private static final class Tally {

		int lines;

		int imported;

		int duplicates;

		final Rejections rejections = new Rejections();

		Progress progress() {
			return new Progress(lines, imported, duplicates, rejections);
		}

		void reject(Rejection rejection) {
			rejections.add(rejection.line(), rejection.reason());
		}

	}

	/** A batch being stored, and what came of it once it is in (counted into the tally once). */
	private static final class Storing {

		final List<IncidentRow> rows;

		final List<Rejection> refused;

		final Future<IncidentStore.Outcome> outcome;

		boolean settled;

		boolean failed;

		Storing(List<IncidentRow> rows, List<Rejection> refused, Future<IncidentStore.Outcome> outcome) {
			this.rows = rows;
			this.refused = refused;
			this.outcome = outcome;
		}

		// Waits for the batch; its failure is thrown as it was (its lines rejected while read still count).
		void settle(Tally tally) {
			settled = true;
			IncidentStore.Outcome done;
			try {
				done = outcome.get();
			}
			catch (ExecutionException ex) {
				failed = true;
				refused.forEach(tally::reject);
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				failed = true;
				refused.forEach(tally::reject);
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while a batch was stored", ex);
			}
			tally.imported += done.inserted();
			tally.duplicates += done.duplicates();
			List<Rejection> all = new ArrayList<>(refused);
			for (int outside : done.outside()) {
				all.add(new Rejection(outside, Reason.of(IncidentError.OUTSIDE_MUNICIPALITY)));
			}
			all.sort(Comparator.comparingInt(Rejection::line));
			all.forEach(tally::reject);
		}

	}

	/**
	 * Records that an import failed. When the database is what failed, the record cannot be written
	 * until it is back: keep trying (a record left "running" could not be undone until the next
	 * restart), for up to an hour or until the app stops; the next start marks it failed then.
	 */
	private void recordFailure(long id, Progress progress, Reason message) {
		long giveUp = System.nanoTime() + RECORD_FAILURE_FOR.toNanos();
		long pause = 250;
		while (true) {
			try {
				imports.record(id, "failed", progress, message);
				return;
			}
			catch (RuntimeException ex) {
				if (!DatabaseFailures.isOutage(ex) || System.nanoTime() > giveUp || stopping) {
					log.error("Could not record that incident import {} failed: {}", id, ex.getMessage());
					return;
				}
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				// The app is stopping; the next start marks the import failed.
				Thread.currentThread().interrupt();
				return;
			}
			pause = Math.min(pause * 2, 2_000);
		}
	}

}
