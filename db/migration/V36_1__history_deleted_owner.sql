-- Who may read a deleted item's history: the item is gone, so its deletion keeps the id of what owned
-- it (a municipality), recorded by the resource that deleted it. Null for deletions recorded before
-- and for items no one owns.
ALTER TABLE change_record ADD COLUMN owner_id bigint;
