package se.trygghetskartan.municipality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.trygghetskartan.geo.BoundingBox;
import se.trygghetskartan.geo.GeoProperties;
import se.trygghetskartan.municipality.MunicipalitySettings.StartView;
import se.trygghetskartan.system.Messages;
import se.trygghetskartan.system.Slugs;
import se.trygghetskartan.system.Violation;

import org.springframework.stereotype.Component;

/**
 * The first start: once Flyway has made the table, and before anything reads it, the municipality is
 * stored with what the environment says. Later starts find it there and leave it alone: from then on
 * admins keep the settings. Settings the environment gets wrong stop the start, saying which.
 */
@Component
class MunicipalitySeed implements Callback {

	private static final Logger log = LoggerFactory.getLogger(MunicipalitySeed.class);

	private final MunicipalityProperties municipality;

	private final GeoProperties geo;

	private final MapProperties map;

	private final Messages messages;

	MunicipalitySeed(MunicipalityProperties municipality, GeoProperties geo, MapProperties map, Messages messages) {
		this.municipality = municipality;
		this.geo = geo;
		this.map = map;
		this.messages = messages;
	}

	/** The settings the environment gives, checked as an admin's would be. */
	SettingsDraft defaults() {
		SettingsDraft draft = new SettingsDraft(municipality.name().strip(), geo.defaultExtent(),
				startView(municipality.startView()), map.tileUrl(), map.tileAttribution() == null ? "" : map.tileAttribution(),
				map.maxZoom(), null, null);
		List<Violation> violations = draft.violations();
		if (!violations.isEmpty()) {
			throw new IllegalStateException("The municipality's settings from the environment are wrong: " + violations
				.stream()
				.map(violation -> violation.field() + ": " + messages.text(violation.reason(), Messages.ENGLISH))
				.toList());
		}
		return draft;
	}

	private static StartView startView(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String[] parts = text.split(",");
		try {
			if (parts.length == 3) {
				return new StartView(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
						Double.parseDouble(parts[2].strip()));
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new IllegalStateException("trygghetskartan.municipality.start-view must be lon,lat,zoom, not " + text);
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return false;
	}

	@Override
	public void handle(Event event, Context context) {
		SettingsDraft draft = defaults();
		Connection connection = context.getConnection();
		// Instances starting together may both get here: the slug is unique, the second adds nothing.
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO municipality (slug, name, min_lon, min_lat, max_lon, max_lat, start_lon, start_lat, start_zoom,
				  tile_url, tile_attribution, max_zoom, created_at, created_by, updated_at, updated_by, version)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 'system', now(), 'system', 0
				WHERE NOT EXISTS (SELECT 1 FROM municipality)
				ON CONFLICT (slug) DO NOTHING
				""")) {
			BoundingBox extent = draft.extent();
			StartView view = draft.startView();
			insert.setString(1, Slugs.of(draft.name()).isEmpty() ? "municipality" : Slugs.of(draft.name()));
			insert.setString(2, draft.name());
			insert.setDouble(3, extent.minLon());
			insert.setDouble(4, extent.minLat());
			insert.setDouble(5, extent.maxLon());
			insert.setDouble(6, extent.maxLat());
			setDouble(insert, 7, view == null ? null : view.lon());
			setDouble(insert, 8, view == null ? null : view.lat());
			setDouble(insert, 9, view == null ? null : view.zoom());
			insert.setString(10, draft.tileUrl());
			insert.setString(11, draft.tileAttribution());
			insert.setInt(12, draft.maxZoom());
			if (insert.executeUpdate() > 0) {
				log.info("Municipality {} set up from the environment; admins change its settings on /admin",
						draft.name());
			}
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the municipality's first settings: " + ex.getMessage(), ex);
		}
	}

	private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
		if (value == null) {
			statement.setNull(index, Types.DOUBLE);
		}
		else {
			statement.setDouble(index, value);
		}
	}

	@Override
	public String getCallbackName() {
		return "municipality-seed";
	}

}
