-- Reported crimes and events. Exact locations are for the police and planners only; the public
-- sees counts per fixed 250 m square of the Swedish national grid (SWEREF 99 TM, EPSG:3006).
CREATE TABLE incident (
  id            bigserial PRIMARY KEY,
  occurred_from timestamptz NOT NULL,
  occurred_to   timestamptz,
  category      varchar(20) NOT NULL CHECK (category IN ('bike_theft', 'vandalism', 'burglary', 'theft',
                'drug_offence', 'assault', 'robbery', 'harassment', 'disturbance', 'weapon', 'traffic', 'other')),
  sensitive     boolean NOT NULL DEFAULT false,
  geom          geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  grid_x        int NOT NULL,
  grid_y        int NOT NULL,
  source        varchar(50) NOT NULL,
  source_id     varchar(100) NOT NULL,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  imported_by   varchar(100) NOT NULL,
  CONSTRAINT incident_source_unique UNIQUE (source, source_id),
  CONSTRAINT incident_range_ordered CHECK (occurred_to IS NULL OR occurred_to >= occurred_from)
);
CREATE INDEX incident_geom_idx ON incident USING gist (geom);
CREATE INDEX incident_time_idx ON incident (occurred_from);
CREATE INDEX incident_grid_idx ON incident (grid_x, grid_y);

-- An import of a CSV file, run in the background; its row shows the progress.
CREATE TABLE incident_import (
  id           bigserial PRIMARY KEY,
  source       varchar(50) NOT NULL,
  status       varchar(10) NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  lines        int NOT NULL DEFAULT 0,
  imported     int NOT NULL DEFAULT 0,
  duplicates   int NOT NULL DEFAULT 0,
  rejected     int NOT NULL DEFAULT 0,
  rejections   jsonb NOT NULL DEFAULT '[]',
  message      text,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  started_by   varchar(100) NOT NULL
);
