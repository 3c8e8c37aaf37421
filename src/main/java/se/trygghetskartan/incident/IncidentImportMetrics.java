package se.trygghetskartan.incident;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * How incident imports get on, for /actuator/prometheus: lines read, and imported, already there or
 * rejected ({@code trygghetskartan_imports_lines_*_total}), imports running now and imports finished
 * by status ({@code done} or {@code failed}). A rise in failed imports or a running count that stays
 * up is what to watch.
 */
@Component
class IncidentImportMetrics {

	private static final String KIND = "incident";

	private final MeterRegistry registry;

	private final AtomicInteger running = new AtomicInteger();

	private final Counter read;

	private final Counter imported;

	private final Counter duplicates;

	private final Counter rejected;

	IncidentImportMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("trygghetskartan.imports.running", running::get)
			.tag("kind", KIND)
			.description("Imports running now")
			.register(registry);
		this.read = lines("read", "Lines read from import files");
		this.imported = lines("imported", "Lines stored");
		this.duplicates = lines("duplicate", "Lines already stored by an earlier import");
		this.rejected = lines("rejected", "Lines rejected, with a reason in the import's report");
	}

	private Counter lines(String outcome, String description) {
		return Counter.builder("trygghetskartan.imports.lines." + outcome)
			.tag("kind", KIND)
			.description(description)
			.register(registry);
	}

	/** An import begins; its figures are added as it reports them. */
	Progress started() {
		running.incrementAndGet();
		return new Progress();
	}

	/** One import's figures so far, so each report adds only what is new. */
	final class Progress {

		private int lines;

		private int stored;

		private int duplicate;

		private int refused;

		private boolean finished;

		void report(int lines, int stored, int duplicate, int refused) {
			read.increment(lines - this.lines);
			imported.increment(stored - this.stored);
			duplicates.increment(duplicate - this.duplicate);
			rejected.increment(refused - this.refused);
			this.lines = lines;
			this.stored = stored;
			this.duplicate = duplicate;
			this.refused = refused;
		}

		void finished(String status) {
			if (!finished) {
				finished = true;
				running.decrementAndGet();
				Counter.builder("trygghetskartan.imports.finished")
					.tag("kind", KIND)
					.tag("status", status)
					.description("Imports finished, by status")
					.register(registry)
					.increment();
			}
		}

	}

}
