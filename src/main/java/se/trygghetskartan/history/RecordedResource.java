package se.trygghetskartan.history;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import se.trygghetskartan.system.TrackedEntity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A versioned resource whose items are entities with a change history, the same life for each:
 * a draft is checked against what only the database knows, then makes or changes an item, whose
 * links kept elsewhere are stored before its state is read for the history. Subclasses give the
 * entity's own ways to be made from a draft and changed by one, and say how an item is found (what
 * a reader may see of it is theirs to decide).
 */
@Transactional(readOnly = true)
public abstract class RecordedResource<E extends TrackedEntity, D, S extends StoredItem>
		implements VersionedResource<D, S> {

	protected final ChangeRecorder<E, S> recorder;

	private final String subject;

	private final JpaRepository<E, Long> repository;

	private final Function<D, E> made;

	private final BiConsumer<E, D> applied;

	private final HistoryService history;

	/**
	 * @param subject what the history calls these items ("place")
	 * @param made a new item made from a draft ({@code UnsafePlace::new})
	 * @param applied changes an item as a draft says ({@code UnsafePlace::apply})
	 */
	protected RecordedResource(String subject, JpaRepository<E, Long> repository, Function<D, E> made,
			BiConsumer<E, D> applied, HistoryService history) {
		this.recorder = new ChangeRecorder<>(subject, repository, this::stored, history).guardedBy(this::mayChange)
			.ownedBy(this::owner);
		this.history = history;
		this.subject = subject;
		this.repository = repository;
		this.made = made;
		this.applied = applied;
	}

	/** What the history calls these items ("place"). */
	public String subject() {
		return subject;
	}

	/**
	 * Refuses (by throwing) a reader of the item's history who may not read it; by default whoever the
	 * URL rules let through may.
	 */
	protected void mayReadHistory(E item) {
	}

	/**
	 * The same for an item deleted, by what owned it ({@link #owner}; null when its deletion did not
	 * record it); by default whoever the URL rules let through may.
	 */
	protected void mayReadDeletedHistory(Long owner) {
	}

	/** What owns an item (its municipality's id), kept with its deletion; by default nothing. */
	protected Long owner(E item) {
		return null;
	}

	/**
	 * Checks that the current user may read the history of the item with this id, there or deleted; one
	 * gone without a deletion of its own (with what held it, as a promise's commitments go) counts as
	 * one whose owner was not recorded.
	 */
	public void readingHistory(long id) {
		repository.findById(id).ifPresentOrElse(this::mayReadHistory, () -> {
			Optional<HistoryService.Deletion> deletion = history.deletion(subject, id);
			if (deletion.isPresent() || history.recorded(subject, id)) {
				mayReadDeletedHistory(deletion.map(HistoryService.Deletion::owner).orElse(null));
			}
		});
	}

	/** Refuses (by throwing) a change of the item that the current user may not make; by default none. */
	protected void mayChange(E item) {
	}

	/** What follows from a request being about the item (see {@link VersionedResource#enter}); by default nothing. */
	protected void entering(E item) {
	}

	@Override
	public void enter(long id) {
		entering(recorder.load(id));
	}

	/** The item's state as the history keeps it (whoever reads it later), or null when there is none. */
	protected abstract S stored(long id);

	/** Changes the item as the draft says; a subclass may first refuse a change the entity cannot take. */
	protected void change(E item, D draft) {
		applied.accept(item, draft);
	}

	/** Checks what the draft names against the database (other items it links to); a 422 when it fails. */
	protected void check(D draft) {
	}

	/** Stores the links of item {@code id} that live outside its entity. */
	protected void link(long id, D draft) {
	}

	@Override
	@Transactional
	public S create(D draft) {
		check(draft);
		return recorder.create(made.apply(draft), id -> link(id, draft));
	}

	@Override
	@Transactional
	public S update(long id, D draft, String ifMatch) {
		check(draft);
		return recorder.update(id, ifMatch, item -> {
			change(item, draft);
			link(id, draft);
		});
	}

	@Override
	@Transactional
	public void delete(long id, String ifMatch) {
		recorder.delete(id, ifMatch);
	}

}
