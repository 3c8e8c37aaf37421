package se.trygghetskartan.history;

import java.util.Collection;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Links from a recorded item to items of a module that builds on the item's (a measure's
 * commitments): that module keeps them and implements this, so the item's module names none of its
 * tables. Reads are SQL so that a list of items stays one statement.
 */
public interface ItemLinks {

	/** Without the module that keeps the links (a test of the item's module alone): none, and nothing to link to. */
	ItemLinks NONE = new ItemLinks() {

		@Override
		public String linkedIds(String itemId) {
			return "'{}'::bigint[]";
		}

		@Override
		public Set<Long> missing(Collection<Long> ids) {
			return Set.copyOf(ids);
		}

		@Override
		public Set<Long> municipalitiesOf(Collection<Long> ids) {
			return Set.of();
		}

		@Override
		public void link(long itemId, Set<Long> ids) {
		}

	};

	/**
	 * An SQL expression: the ids ({@code bigint[]}, ascending) of the items linked to the item whose id
	 * is the SQL expression {@code itemId}.
	 */
	String linkedIds(String itemId);

	/** Which of these ids name nothing to link to. */
	Set<Long> missing(Collection<Long> ids);

	/** The ids of the municipalities these items belong to (links may not cross municipalities). */
	Set<Long> municipalitiesOf(Collection<Long> ids);

	/** Links the item to exactly these. */
	void link(long itemId, Set<Long> ids);

	/** The links the provider has, else {@link #NONE}. */
	static ItemLinks orNone(ObjectProvider<? extends ItemLinks> links) {
		ItemLinks available = links.getIfAvailable();
		return available != null ? available : NONE;
	}

}
