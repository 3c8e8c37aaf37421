package se.trygghetskartan.history;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

import se.trygghetskartan.system.ETags;
import se.trygghetskartan.system.NotFoundException;
import se.trygghetskartan.system.TrackedEntity;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The life of a versioned item, the same for every kind: create, update under If-Match, delete, each
 * recorded in the history with the state read back from the database. Used inside the owning
 * service's transaction.
 */
public final class ChangeRecorder<E extends TrackedEntity, S extends Snapshot> {

	private final String subject;

	private final JpaRepository<E, Long> repository;

	private final LongFunction<S> reader;

	private final HistoryService history;

	private Consumer<E> guard = item -> {
	};

	private Function<E, Long> owner = item -> null;

	/**
	 * @param subject what the history calls these items ("place")
	 * @param reader reads an item's state by id, or null when there is none
	 */
	public ChangeRecorder(String subject, JpaRepository<E, Long> repository, LongFunction<S> reader,
			HistoryService history) {
		this.subject = subject;
		this.repository = repository;
		this.reader = reader;
		this.history = history;
	}

	/**
	 * Checks every change with {@code guard} before it is made (a new item before it is stored, others
	 * as loaded): whether the current user may change that item, else it throws.
	 */
	public ChangeRecorder<E, S> guardedBy(Consumer<E> guard) {
		this.guard = guard;
		return this;
	}

	/** Keeps with each deletion what owned the item (its municipality), who may read its history later. */
	public ChangeRecorder<E, S> ownedBy(Function<E, Long> owner) {
		this.owner = owner;
		return this;
	}

	public E load(long id) {
		return repository.findById(id).orElseThrow(() -> new NotFoundException(subject, id));
	}

	public S read(long id) {
		S state = reader.apply(id);
		if (state == null) {
			throw new NotFoundException(subject, id);
		}
		return state;
	}

	public S create(E item) {
		return create(item, id -> {
		});
	}

	/**
	 * Creates the item; {@code linked} gets its id before its state is read, to store what belongs to
	 * it outside its entity (links another module keeps).
	 */
	public S create(E item, LongConsumer linked) {
		guard.accept(item);
		long id = repository.saveAndFlush(item).getId();
		linked.accept(id);
		return recorded(id, ChangeAction.CREATED);
	}

	/** Applies the change if {@code ifMatch} names the stored version (else 412, or 428 when absent). */
	public S update(long id, String ifMatch, Consumer<E> change) {
		E item = load(id);
		guard.accept(item);
		ETags.versionFromIfMatch(ifMatch, item.getVersion());
		change.accept(item);
		repository.saveAndFlush(item);
		return recorded(id, ChangeAction.UPDATED);
	}

	/**
	 * Applies a change that does not rest on a version the client saw (a place's status set as its
	 * measure is done): recorded like any other, without If-Match.
	 */
	public S change(long id, Consumer<E> change) {
		E item = load(id);
		guard.accept(item);
		change.accept(item);
		repository.saveAndFlush(item);
		return recorded(id, ChangeAction.UPDATED);
	}

	/** Records a change made some other way (the item is already saved). */
	public S updated(long id) {
		return recorded(id, ChangeAction.UPDATED);
	}

	/** The same, made by the author named, whoever is signed in (a resident's voice: {@link HistoryService#RESIDENT}). */
	public S updatedBy(String author, long id) {
		S state = read(id);
		history.recordAs(author, subject, id, state.version(), ChangeAction.UPDATED, state.json(), null);
		return state;
	}

	/** Deletes the item; an {@code ifMatch}, when sent, must name the stored version. */
	public void delete(long id, String ifMatch) {
		E item = load(id);
		guard.accept(item);
		if (ifMatch != null) {
			ETags.versionFromIfMatch(ifMatch, item.getVersion());
		}
		S last = read(id);
		repository.delete(item);
		repository.flush();
		history.record(subject, id, last.version(), ChangeAction.DELETED, last.json(), owner.apply(item));
	}

	private S recorded(long id, ChangeAction action) {
		S state = read(id);
		history.record(subject, id, state.version(), action, state.json());
		return state;
	}

}
