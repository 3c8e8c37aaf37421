/**
 * The change history of places and measures: who changed what, when, with the old and new values,
 * so that planners can see how an item came to be as it is; and the one life every recorded item
 * has (RecordedResource), with its links to the items of a module built on its own (ItemLinks).
 *
 * <p>Tables: {@code change_record}. Published views: none.
 */
package se.trygghetskartan.history;
