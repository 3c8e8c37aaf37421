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
		// The placeholder the tenants migration (V23_1) leaves is filled once; instances starting together
		// may both get here, and the second finds nothing left to fill.
		try (PreparedStatement fill = connection.prepareStatement("""
				UPDATE municipality SET slug = ?, name = ?, min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ?,
				  start_lon = ?, start_lat = ?, start_zoom = ?, tile_url = ?, tile_attribution = ?, max_zoom = ?, code = ?,
				  created_by = 'system', updated_by = 'system', created_at = now(), updated_at = now()
				WHERE created_by = 'migration' AND version = 0
				""")) {
			BoundingBox extent = draft.extent();
			StartView view = draft.startView();
			fill.setString(1, Slugs.of(draft.name()).isEmpty() ? "municipality" : Slugs.of(draft.name()));
			fill.setString(2, draft.name());
			fill.setDouble(3, extent.minLon());
			fill.setDouble(4, extent.minLat());
			fill.setDouble(5, extent.maxLon());
			fill.setDouble(6, extent.maxLat());
			setDouble(fill, 7, view == null ? null : view.lon());
			setDouble(fill, 8, view == null ? null : view.lat());
			setDouble(fill, 9, view == null ? null : view.zoom());
			fill.setString(10, draft.tileUrl());
			fill.setString(11, draft.tileAttribution());
			fill.setInt(12, draft.maxZoom());
			fill.setString(13, municipality.code());
			if (fill.executeUpdate() > 0) {
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
