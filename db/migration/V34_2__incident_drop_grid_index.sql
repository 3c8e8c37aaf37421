-- The public counts per square come from incident_aggregate now; nothing looks incidents up by
-- square any more, and each import paid for keeping this index.
DROP INDEX incident_grid_idx;
