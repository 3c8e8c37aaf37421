package se.trygghetskartan.neighbourhood;

import java.util.List;

/**
 * What another module links to a district by its slug (a promise's focus districts, an activity's
 * districts). A district that something refers to cannot be deleted: the link would point nowhere.
 * Modules that keep such links implement this; the neighbourhood module knows none of them.
 */
public interface NeighbourhoodReferences {

	/** The items that name this district, e.g. promise 3 "Tryggare centrum" (2022–2023). */
	List<Reference> referencesTo(long municipalityId, String slug);

	/**
	 * One item that names a district.
	 *
	 * @param kind what it is, as the API calls it ("promise", "activity")
	 * @param detail what tells it apart for a person: a promise's period, an activity's date
	 */
	record Reference(String kind, long id, String title, String detail) {

		@Override
		public String toString() {
			return kind + " " + id + " '" + title + "'" + (detail == null ? "" : " (" + detail + ")");
		}

	}

}
