package se.trygghetskartan.mail;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;

/**
 * A job the app repeats in the background on a daemon thread of its own (rather than
 * {@code @EnableScheduling}, whose scheduler would be a second TaskExecutor bean beside the one the
 * incident imports run on). A failed run is logged by its kind and message and the next runs as planned.
 */
public final class Repeating implements AutoCloseable {

	private final ScheduledExecutorService executor;

	private Repeating(ScheduledExecutorService executor) {
		this.executor = executor;
	}

	/** Runs the job first after {@code first}, then {@code every} after each run ends. */
	public static Repeating start(String name, Duration first, Duration every, Logger log, Runnable job) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(() -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				// The class only: a database's or mail server's message may quote an address.
				log.warn("{} failed: {}", name, ex.getClass().getSimpleName());
			}
		}, first.toMillis(), Math.max(1, every.toMillis()), TimeUnit.MILLISECONDS);
		return new Repeating(executor);
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

}
